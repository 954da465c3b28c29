import Design
import Tensor

/// Scores an architecture's accuracy without training it (SPEC.md §3: supernet inherited weights).
///
/// A value with `mutating` scoring so that an implementation may cache (the supernet caches scores). The
/// search calls it at most once per architecture (evaluated designs are kept, also across a checkpoint).
/// Must be deterministic for a given architecture.
public protocol AccuracyEvaluator {
    /// A short name for reports and files.
    var name: String { get }

    /// The score of `architecture`; long work checks `cancellation` and throws `CancellationError`.
    mutating func score(_ architecture: Architecture, cancellation: Cancellation) throws -> ArchitectureScore
}
