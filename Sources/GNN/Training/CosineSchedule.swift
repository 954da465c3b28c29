import Foundation

/// Cosine annealing of the learning rate from `initial` to `minimum` over `length` steps (PyTorch's
/// `CosineAnnealingLR`, evaluated in closed form): η_t = η_min + (η₀ − η_min)·(1 + cos(π·t/T))/2.
public struct CosineSchedule: Sendable, Equatable {
    /// The rate at step 0.
    public var initial: Float
    /// The rate at step `length`.
    public var minimum: Float
    /// The number of steps T (epochs, when stepped per epoch).
    public var length: Int

    /// A schedule from `initial` down to `minimum` over `length` steps.
    public init(initial: Float, minimum: Float, length: Int) {
        self.initial = initial
        self.minimum = minimum
        self.length = max(length, 1)
    }

    /// The rate at step t (clamped to [0, length]).
    public func rate(at step: Int) -> Float {
        let t = Double(min(max(step, 0), length)) / Double(length)
        return minimum + (initial - minimum) * Float((1 + cos(Double.pi * t)) / 2)
    }
}
