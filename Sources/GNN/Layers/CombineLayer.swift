import Tensor

/// A named combine op (Linear without bias → BatchNorm → LeakyReLU) with parameters in a `ParameterStore`:
/// `<name>/weight` [inWidth, outWidth] and `<name>/bn/…`.
public struct CombineLayer: Sendable, Equatable {
    /// The path prefix of the layer's tensors.
    public let name: String
    /// The input width (rows of the weight).
    public let inWidth: Int
    /// The output width.
    public let outWidth: Int

    /// A layer description; `initialize` creates its tensors.
    public init(name: String, inWidth: Int, outWidth: Int) {
        self.name = name
        self.inWidth = inWidth
        self.outWidth = outWidth
    }

    /// The weight's path.
    public var weightName: String { name + "/weight" }
    /// The BatchNorm's paths.
    public var norm: BatchNormNames { BatchNormNames(layer: name) }

    /// Adds freshly initialised tensors to `store`.
    public func initialize(_ store: inout ParameterStore, generator: inout SeededGenerator) {
        store.parameters[weightName] = Initializer.linearWeight(fanIn: inWidth, fanOut: outWidth, generator: &generator)
        norm.initialize(width: outWidth, in: &store)
    }

    /// Runs the layer on [R, inWidth] (training uses and updates batch statistics) on up to
    /// `threads.threads` threads.
    public func forward(
        _ x: Tensor, store: inout ParameterStore, training: Bool, threads: ThreadBudget
    ) -> (Tensor, CombineCache) {
        let weight = store.parameter(weightName)
        let gamma = store.parameter(norm.gamma)
        let beta = store.parameter(norm.beta)
        return store.withBuffers(norm.runningMean, norm.runningVariance) { rm, rv in
            Combine.forward(
                x, weight: weight, outWidth: outWidth, gamma: gamma, beta: beta, runningMean: &rm,
                runningVariance: &rv, training: training, threads: threads)
        }
    }

    /// Accumulates the layer's gradients and returns dx (empty when `needInputGradient` is false).
    public func backward(
        _ dy: Tensor, cache: CombineCache, store: ParameterStore, gradients: inout Gradients,
        needInputGradient: Bool = true, threads: ThreadBudget
    ) -> Tensor {
        let weight = store.parameter(weightName)
        let gamma = store.parameter(norm.gamma)
        return gradients.with(weightName, norm.gamma, norm.beta) { w, g, b in
            Combine.backward(
                dy, cache: cache, weight: weight, gamma: gamma, weightGrad: &w, gammaGrad: &g, betaGrad: &b,
                needInputGradient: needInputGradient, threads: threads)
        }
    }
}
