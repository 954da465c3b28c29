/// How a group of rows (messages arriving at one node, points of one sample) is reduced to one row.
public enum Reduction: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Elementwise maximum; the source of each maximum is kept for the backward pass.
    case max
    /// Elementwise mean (an empty group gives 0).
    case mean
    /// Elementwise sum.
    case sum

    /// The name used in architectures and on the command line (`max`, `mean`, `sum`).
    public var description: String { rawValue }
}
