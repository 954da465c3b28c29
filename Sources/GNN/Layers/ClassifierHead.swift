import Tensor

/// What `ClassifierHead.backward` needs from the forward pass.
public struct HeadCache: Sendable {
    /// Caches of the two hidden combine layers.
    public var hidden: [CombineCache]
    /// Dropout masks after each hidden layer (empty in evaluation).
    public var masks: [[Float]]
    /// Input of the output layer.
    public var lastInput: Tensor
}

/// The classifier head shared by every model: FC→BN→LeakyReLU→Dropout twice (512, 256 by default), then a
/// Linear with bias to the class logits.
///
/// Tensors: `<name>/fc1/…`, `<name>/fc2/…` (combine layers), `<name>/fc3/weight`, `<name>/fc3/bias`. The first
/// weight may have more rows than the actual input (`maxInWidth`): its top rows are used, so a supernet can
/// share one head between paths of different pooled widths.
public struct ClassifierHead: Sendable, Equatable {
    /// The path prefix.
    public let name: String
    /// The largest input width (rows of fc1's weight).
    public let maxInWidth: Int
    /// Hidden widths.
    public let hidden: [Int]
    /// Number of classes.
    public let classes: Int
    /// Dropout probability after each hidden layer.
    public let dropout: Float

    /// A head description; `initialize` creates its tensors.
    public init(name: String = "head", maxInWidth: Int, classes: Int, hidden: [Int] = [512, 256], dropout: Float = 0.5)
    {
        precondition(!hidden.isEmpty, "the head needs at least one hidden layer")
        self.name = name
        self.maxInWidth = maxInWidth
        self.hidden = hidden
        self.classes = classes
        self.dropout = dropout
    }

    /// The hidden combine layers (fc1 … fcH).
    public var hiddenLayers: [CombineLayer] {
        var widths = [maxInWidth] + hidden
        widths.removeLast()
        return zip(widths, hidden).enumerated().map { i, pair in
            CombineLayer(name: "\(name)/fc\(i + 1)", inWidth: pair.0, outWidth: pair.1)
        }
    }

    /// The output layer's weight path.
    public var outputWeight: String { "\(name)/fc\(hidden.count + 1)/weight" }
    /// The output layer's bias path.
    public var outputBias: String { "\(name)/fc\(hidden.count + 1)/bias" }

    /// Adds freshly initialised tensors to `store`.
    public func initialize(_ store: inout ParameterStore, generator: inout SeededGenerator) {
        for layer in hiddenLayers { layer.initialize(&store, generator: &generator) }
        let last = hidden[hidden.count - 1]
        store.parameters[outputWeight] = Initializer.linearWeight(fanIn: last, fanOut: classes, generator: &generator)
        store.parameters[outputBias] = Initializer.bias(fanIn: last, count: classes, generator: &generator)
    }

    /// Maps pooled features [B, C ≤ maxInWidth] to logits [B, classes]; dropout draws from `generator` in
    /// training. Products run on up to `threads.threads` threads.
    public func forward(
        _ x: Tensor, store: inout ParameterStore, training: Bool, generator: inout SeededGenerator,
        threads: ThreadBudget
    ) -> (Tensor, HeadCache) {
        var h = x
        var caches = [CombineCache]()
        var masks = [[Float]]()
        for layer in hiddenLayers {
            let (y, cache) = layer.forward(h, store: &store, training: training, threads: threads)
            h = y
            caches.append(cache)
            if training && dropout > 0 { masks.append(Dropout.forward(&h, rate: dropout, generator: &generator)) }
        }
        let last = hidden[hidden.count - 1]
        let logits = Linear.forward(
            h, weight: store.parameter(outputWeight), bias: store.parameter(outputBias), inWidth: last,
            outWidth: classes, threads: threads)
        return (logits, HeadCache(hidden: caches, masks: masks, lastInput: h))
    }

    /// Accumulates the head's gradients and returns the gradient of its input.
    public func backward(
        _ dLogits: Tensor, cache: HeadCache, store: ParameterStore, gradients: inout Gradients, threads: ThreadBudget
    ) -> Tensor {
        let last = hidden[hidden.count - 1]
        var d = gradients.with(outputWeight, outputBias) { w, b in
            Linear.biasGradient(dLogits, into: &b)
            return Linear.backward(
                dLogits, input: cache.lastInput, weight: store.parameter(outputWeight), inWidth: last,
                outWidth: classes, weightGrad: &w, threads: threads)
        }
        for (i, layer) in hiddenLayers.enumerated().reversed() {
            if i < cache.masks.count { Dropout.backward(&d, mask: cache.masks[i]) }
            d = layer.backward(d, cache: cache.hidden[i], store: store, gradients: &gradients, threads: threads)
        }
        return d
    }
}
