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
    /// The weight [inMax, outMax]; the top-left [`inWidth`, `outWidth`] block is used.
    public var weight: Tensor
    /// The input width the step expects (the used block's rows).
    public var inWidth: Int
    /// The output width.
    public var outWidth: Int
    /// The BatchNorm.
    public var norm: NormWeights

    /// The combine with weight `weight` and BatchNorm `norm` of `store`, from `inWidth` to `outWidth`
    /// channels; throws when a tensor is missing or the weight is smaller than [inWidth, outWidth].
    public init(
        weight: String, norm: BatchNormNames, inWidth: Int, outWidth: Int, in store: ParameterStore, model: String
    ) throws(PlanError) {
        self.weight = try store.planParameter(weight, model: model)
        self.inWidth = inWidth
        self.outWidth = outWidth
        self.norm = try NormWeights(norm, in: store, model: model)
        let shape = self.weight.shape
        guard shape.count == 2, shape[0] >= inWidth, shape[1] >= outWidth, self.norm.width == outWidth else {
            throw PlanError(
                plan: model, value: weight,
                message: "'\(weight)' has shape \(shape) and its BatchNorm \(self.norm.width) channels, "
                    + "a combine \(inWidth)→\(outWidth) needs at least [\(inWidth), \(outWidth)] and \(outWidth)")
        }
    }

    /// The combine layer `layer` of `store`, taking `inWidth` channels (the layer's own by default; fewer
    /// for a head shared by narrower inputs).
    public init(_ layer: CombineLayer, inWidth: Int? = nil, in store: ParameterStore, model: String) throws(PlanError) {
        try self.init(
            weight: layer.weightName, norm: layer.norm, inWidth: inWidth ?? layer.inWidth, outWidth: layer.outWidth,
            in: store, model: model)
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
