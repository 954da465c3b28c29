import Tensor

/// The paths of one BatchNorm's tensors under a layer: `<layer>/bn/gamma`, `beta`, `running_mean`, `running_var`.
public struct BatchNormNames: Sendable, Equatable {
    /// Scale γ (parameter).
    public let gamma: String
    /// Shift β (parameter).
    public let beta: String
    /// Running mean (buffer).
    public let runningMean: String
    /// Running variance (buffer).
    public let runningVariance: String

    /// The names under `layer`.
    public init(layer: String) {
        gamma = layer + "/bn/gamma"
        beta = layer + "/bn/beta"
        runningMean = layer + "/bn/running_mean"
        runningVariance = layer + "/bn/running_var"
    }

    /// Adds γ = 1, β = 0, mean 0, variance 1 for `width` channels.
    public func initialize(width: Int, in store: inout ParameterStore) {
        store.parameters[gamma] = Tensor(shape: [width], repeating: 1)
        store.parameters[beta] = Tensor.zeros([width])
        store.buffers[runningMean] = Tensor.zeros([width])
        store.buffers[runningVariance] = Tensor(shape: [width], repeating: 1)
    }
}
