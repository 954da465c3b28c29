import Tensor

/// Updates parameters from their gradients.
public protocol Optimizer: Sendable {
    /// Applies one update with learning rate `learningRate` to every parameter that has a gradient.
    mutating func step(_ store: inout ParameterStore, gradients: Gradients, learningRate: Float)
}
