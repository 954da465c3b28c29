import Tensor

/// A BatchNorm frozen for inference: γ, β and the running statistics.
public struct NormWeights: Sendable, Equatable {
    /// Scale γ [C].
    public var gamma: Tensor
    /// Shift β [C].
    public var beta: Tensor
    /// Running mean [C].
    public var mean: Tensor
    /// Running variance [C].
    public var variance: Tensor

    /// The BatchNorm `names` of `store`; throws a `PlanError` naming the first missing tensor.
    public init(_ names: BatchNormNames, in store: ParameterStore, model: String) throws(PlanError) {
        gamma = try store.planParameter(names.gamma, model: model)
        beta = try store.planParameter(names.beta, model: model)
        mean = try store.planBuffer(names.runningMean, model: model)
        variance = try store.planBuffer(names.runningVariance, model: model)
    }

    /// The number of channels.
    public var width: Int { gamma.count }
}

/// A combine (Linear without bias → BatchNorm → LeakyReLU) frozen for inference.
public struct CombineWeights: Sendable, Equatable {
    /// The weight [inMax, outMax]; the top-left [input width, `outWidth`] block is used.
    public var weight: Tensor
    /// The output width.
    public var outWidth: Int
    /// The BatchNorm.
    public var norm: NormWeights

    /// The combine with weight `weight` and BatchNorm `norm` of `store`, to `outWidth` channels.
    public init(weight: String, norm: BatchNormNames, outWidth: Int, in store: ParameterStore, model: String)
        throws(PlanError)
    {
        self.weight = try store.planParameter(weight, model: model)
        self.outWidth = outWidth
        self.norm = try NormWeights(norm, in: store, model: model)
    }

    /// The combine layer `layer` of `store`.
    public init(_ layer: CombineLayer, in store: ParameterStore, model: String) throws(PlanError) {
        try self.init(weight: layer.weightName, norm: layer.norm, outWidth: layer.outWidth, in: store, model: model)
    }
}

extension ParameterStore {
    /// The parameter `name`, or a `PlanError` naming it.
    func planParameter(_ name: String, model: String) throws(PlanError) -> Tensor {
        guard let tensor = parameters[name] else {
            throw PlanError(plan: model, value: name, message: "the model has no parameter '\(name)'")
        }
        return tensor
    }

    /// The buffer `name`, or a `PlanError` naming it.
    func planBuffer(_ name: String, model: String) throws(PlanError) -> Tensor {
        guard let tensor = buffers[name] else {
            throw PlanError(plan: model, value: name, message: "the model has no buffer '\(name)'")
        }
        return tensor
    }
}
