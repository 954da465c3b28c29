import Tensor

/// Vanilla PointNet (no transform nets): a shared per-point MLP of combine layers, global max pooling and
/// the classifier head. Tensor paths: `mlp1` … `mlpL` (CombineLayer), `head`.
///
/// Tandem's combine layers use LeakyReLU(0.2) where the original PointNet uses ReLU.
public struct PointNet: PointCloudClassifier {
    /// The architecture's hyper-parameters.
    public struct Configuration: Sendable, Equatable {
        /// Widths of the shared MLP.
        public var widths: [Int]
        /// Number of classes.
        public var classes: Int
        /// Hidden widths of the head.
        public var hidden: [Int]
        /// Dropout in the head.
        public var dropout: Float

        /// The vanilla PointNet (64-64-64-128-1024, head 512-256) for `classes` classes.
        public init(
            classes: Int, widths: [Int] = [64, 64, 64, 128, 1024], hidden: [Int] = [512, 256], dropout: Float = 0.5
        ) {
            self.widths = widths
            self.classes = classes
            self.hidden = hidden
            self.dropout = dropout
        }
    }

    /// What `backward` needs from `forward`.
    public struct Tape {
        var mlp: [CombineCache]
        var pool: PoolCache
        var head: HeadCache
        var batch: Int
        var nodes: Int
    }

    /// The architecture.
    public let configuration: Configuration
    /// The model's tensors.
    public var store: ParameterStore
    /// The number of classes.
    public var classes: Int { configuration.classes }

    /// A freshly initialised model.
    public init(_ configuration: Configuration, generator: inout SeededGenerator) {
        self.configuration = configuration
        store = ParameterStore()
        for layer in layers { layer.initialize(&store, generator: &generator) }
        head.initialize(&store, generator: &generator)
    }

    /// A model with the given tensors (from a file); the caller checks that the names match.
    public init(_ configuration: Configuration, store: ParameterStore) {
        self.configuration = configuration
        self.store = store
    }

    /// The shared MLP.
    public var layers: [CombineLayer] {
        let inputs = [3] + configuration.widths.dropLast()
        return zip(inputs, configuration.widths).enumerated().map { i, pair in
            CombineLayer(name: "mlp\(i + 1)", inWidth: pair.0, outWidth: pair.1)
        }
    }

    /// The classifier head.
    public var head: ClassifierHead {
        ClassifierHead(
            maxInWidth: configuration.widths.last ?? 3, classes: configuration.classes, hidden: configuration.hidden,
            dropout: configuration.dropout)
    }

    /// Logits for `points` [B·N, 3].
    public mutating func forward(
        _ points: Tensor, batch: Int, nodes: Int, training: Bool, generator: inout SeededGenerator,
        threads: ThreadBudget
    ) -> (Tensor, Tape) {
        var x = points.reshaped([batch * nodes, 3])
        var caches = [CombineCache]()
        for layer in layers {
            let (y, cache) = layer.forward(x, store: &store, training: training, threads: threads)
            caches.append(cache)
            x = y
        }
        let (pooled, poolCache) = Pool.forward(x, batch: batch, nodes: nodes, kind: .max)
        let (logits, headCache) = head.forward(
            pooled, store: &store, training: training, generator: &generator, threads: threads)
        return (logits, Tape(mlp: caches, pool: poolCache, head: headCache, batch: batch, nodes: nodes))
    }

    /// Gradients of every parameter.
    public func backward(_ dLogits: Tensor, tape: Tape, threads: ThreadBudget) -> Gradients {
        var gradients = store.zeroGradients()
        let dPooled = head.backward(dLogits, cache: tape.head, store: store, gradients: &gradients, threads: threads)
        var d = Pool.backward(
            dPooled, batch: tape.batch, nodes: tape.nodes, width: configuration.widths.last ?? 3, kind: .max,
            cache: tape.pool)
        let all = layers
        for i in all.indices.reversed() {
            d = all[i].backward(
                d, cache: tape.mlp[i], store: store, gradients: &gradients, needInputGradient: i > 0, threads: threads)
        }
        return gradients
    }
}
