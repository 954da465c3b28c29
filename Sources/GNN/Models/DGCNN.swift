import Tensor

/// DGCNN (Wang et al. 2019) for classification: four EdgeConv layers on dynamic kNN graphs, their outputs
/// concatenated and combined to an embedding, max‖mean pooling, and the classifier head.
///
/// Tensor paths: `edge1` … `edge4` (EdgeConvLayer), `embed` (CombineLayer), `head` (ClassifierHead).
public struct DGCNN: PointCloudClassifier {
    /// The architecture's hyper-parameters.
    public struct Configuration: Sendable, Equatable {
        /// Neighbours per node.
        public var k: Int
        /// Output widths of the EdgeConv layers.
        public var edgeWidths: [Int]
        /// Width of the embedding before pooling.
        public var embedding: Int
        /// Number of classes.
        public var classes: Int
        /// Hidden widths of the head.
        public var hidden: [Int]
        /// Dropout in the head.
        public var dropout: Float

        /// The paper's DGCNN (k = 20, 64-64-128-256, 1024, head 512-256) for `classes` classes.
        public init(
            classes: Int, k: Int = 20, edgeWidths: [Int] = [64, 64, 128, 256], embedding: Int = 1024,
            hidden: [Int] = [512, 256], dropout: Float = 0.5
        ) {
            self.k = k
            self.edgeWidths = edgeWidths
            self.embedding = embedding
            self.classes = classes
            self.hidden = hidden
            self.dropout = dropout
        }
    }

    /// What `backward` needs from `forward`.
    public struct Tape {
        var graphs: [NeighbourGraph]
        var edges: [EdgeConvCache]
        var embed: CombineCache
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
    /// Each cloud needs at least k points.
    public var minimumNodes: Int { configuration.k }
    /// The pooling of the embedding.
    public static let pooling = PoolKind.maxMean

    /// A freshly initialised model.
    public init(_ configuration: Configuration, generator: inout SeededGenerator) {
        self.configuration = configuration
        store = ParameterStore()
        for layer in edgeLayers { layer.initialize(&store, generator: &generator) }
        embedLayer.initialize(&store, generator: &generator)
        head.initialize(&store, generator: &generator)
    }

    /// A model with the given tensors (from a file); the caller checks that the names match.
    public init(_ configuration: Configuration, store: ParameterStore) {
        self.configuration = configuration
        self.store = store
    }

    /// The EdgeConv layers.
    public var edgeLayers: [EdgeConvLayer] {
        let inputs = [3] + configuration.edgeWidths.dropLast()
        return zip(inputs, configuration.edgeWidths).enumerated().map { i, pair in
            EdgeConvLayer(name: "edge\(i + 1)", inWidth: pair.0, outWidth: pair.1)
        }
    }

    /// The combine layer from the concatenated EdgeConv outputs to the embedding.
    public var embedLayer: CombineLayer {
        CombineLayer(name: "embed", inWidth: configuration.edgeWidths.reduce(0, +), outWidth: configuration.embedding)
    }

    /// The classifier head.
    public var head: ClassifierHead {
        ClassifierHead(
            maxInWidth: Self.pooling.width(for: configuration.embedding), classes: configuration.classes,
            hidden: configuration.hidden, dropout: configuration.dropout)
    }

    /// Logits for `points` [B·N, 3]; each EdgeConv builds its kNN graph from its own input.
    public mutating func forward(
        _ points: Tensor, batch: Int, nodes: Int, training: Bool, generator: inout SeededGenerator,
        threads: ThreadBudget
    ) -> (Tensor, Tape) {
        let logits = forward(
            points, batch: batch, nodes: nodes, training: training, generator: &generator, threads: threads
        ) {
            KNN.graph($0, batch: batch, nodes: nodes, k: $1, threads: threads)
        }
        return logits
    }

    /// Logits with the kNN graphs supplied by `graph(features, k)` (tests share graphs with a reference).
    public mutating func forward(
        _ points: Tensor, batch: Int, nodes: Int, training: Bool, generator: inout SeededGenerator,
        threads: ThreadBudget, graph: (Tensor, Int) -> NeighbourGraph
    ) -> (Tensor, Tape) {
        var x = points.reshaped([batch * nodes, 3])
        var graphs = [NeighbourGraph]()
        var caches = [EdgeConvCache]()
        var outputs = [Tensor]()
        for layer in edgeLayers {
            let g = graph(x, configuration.k)
            let (y, cache) = layer.forward(x, graph: g, store: &store, training: training, threads: threads)
            graphs.append(g)
            caches.append(cache)
            outputs.append(y)
            x = y
        }
        let (embedding, embedCache) = embedLayer.forward(
            Columns.concat(outputs), store: &store, training: training, threads: threads)
        let (pooled, poolCache) = Pool.forward(embedding, batch: batch, nodes: nodes, kind: Self.pooling)
        let (logits, headCache) = head.forward(
            pooled, store: &store, training: training, generator: &generator, threads: threads)
        let tape = Tape(
            graphs: graphs, edges: caches, embed: embedCache, pool: poolCache, head: headCache, batch: batch,
            nodes: nodes)
        return (logits, tape)
    }

    /// Gradients of every parameter.
    public func backward(_ dLogits: Tensor, tape: Tape, threads: ThreadBudget) -> Gradients {
        var gradients = store.zeroGradients()
        let dPooled = head.backward(dLogits, cache: tape.head, store: store, gradients: &gradients, threads: threads)
        let dEmbedding = Pool.backward(
            dPooled, batch: tape.batch, nodes: tape.nodes, width: configuration.embedding, kind: Self.pooling,
            cache: tape.pool)
        let dConcat = embedLayer.backward(
            dEmbedding, cache: tape.embed, store: store, gradients: &gradients, threads: threads)
        var dOutputs = Columns.split(dConcat, widths: configuration.edgeWidths)
        let layers = edgeLayers
        for i in layers.indices.reversed() {
            let dx = layers[i].backward(
                dOutputs[i], cache: tape.edges[i], graph: tape.graphs[i], store: store, gradients: &gradients,
                needInputGradient: i > 0, threads: threads)
            if i > 0 { Elementwise.add(dx, into: &dOutputs[i - 1]) }
        }
        return gradients
    }
}
