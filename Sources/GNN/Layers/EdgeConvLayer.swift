import Tensor

/// A named EdgeConv layer (DGCNN): `<name>/weight` [2·inWidth, outWidth] (rows 0..<C act on x_i, rows
/// C..<2C on x_j − x_i) and `<name>/bn/…`.
public struct EdgeConvLayer: Sendable, Equatable {
    /// The path prefix of the layer's tensors.
    public let name: String
    /// The node feature width C.
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
        store.parameters[weightName] = Initializer.linearWeight(
            fanIn: 2 * inWidth, fanOut: outWidth, generator: &generator)
        norm.initialize(width: outWidth, in: &store)
    }

    /// Runs the layer on [B·N, inWidth] over `graph` on up to `threads.threads` threads.
    public func forward(
        _ x: Tensor, graph: NeighbourGraph, store: inout ParameterStore, training: Bool, threads: ThreadBudget
    ) -> (Tensor, EdgeConvCache) {
        let weight = store.parameter(weightName)
        let gamma = store.parameter(norm.gamma)
        let beta = store.parameter(norm.beta)
        return store.withBuffers(norm.runningMean, norm.runningVariance) { rm, rv in
            EdgeConv.forward(
                x, graph: graph, weight: weight, gamma: gamma, beta: beta, runningMean: &rm, runningVariance: &rv,
                training: training, threads: threads)
        }
    }

    /// Accumulates the layer's gradients and returns dx (empty when `needInputGradient` is false).
    public func backward(
        _ dy: Tensor, cache: EdgeConvCache, graph: NeighbourGraph, store: ParameterStore,
        gradients: inout Gradients, needInputGradient: Bool = true, threads: ThreadBudget
    ) -> Tensor {
        let weight = store.parameter(weightName)
        let gamma = store.parameter(norm.gamma)
        let beta = store.parameter(norm.beta)
        return gradients.with(weightName, norm.gamma, norm.beta) { w, g, b in
            EdgeConv.backward(
                dy, cache: cache, graph: graph, weight: weight, gamma: gamma, beta: beta, weightGrad: &w,
                gammaGrad: &g, betaGrad: &b, needInputGradient: needInputGradient, threads: threads)
        }
    }
}
