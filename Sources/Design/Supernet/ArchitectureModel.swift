import GNN
import HDF5
import Tensor

/// One architecture as a standalone model with its own exact-size weights, trainable and runnable by the
/// GNN engine (`Training.train`, `Training.evaluate`) because it is a `PointCloudClassifier`.
///
/// Tensors: `pos{p}/combine/weight` [C, w], `pos{p}/combine/bn/{gamma,beta,running_mean,running_var}`,
/// `pos{p}/pool/bn/…` (the BatchNorm of the pooled vector), and
/// the head `head/fc1…` with fc1 [pooled width, hidden₁]. Mapping (communicates) does not change the
/// computation: the model computes the whole network in one process.
public struct ArchitectureModel: PointCloudClassifier {
    /// The architecture.
    public let architecture: Architecture
    /// The space it belongs to (k, points per cloud, classes, head widths).
    public let space: DesignSpace
    /// Dropout after each hidden layer of the head during training.
    public let dropout: Float
    /// Weights and running statistics.
    public var store: ParameterStore

    /// The number of classes.
    public var classes: Int { space.classes }

    /// A freshly initialised model (for training from scratch), PyTorch's default initialisation seeded by
    /// `generator`; throws when the architecture is invalid in `space`.
    public init(
        _ architecture: Architecture, space: DesignSpace, dropout: Float = 0.5, generator: inout SeededGenerator
    ) throws(DesignError) {
        let mapping = try architecture.mapping(in: space)
        var store = ParameterStore()
        for step in mapping.steps {
            if case .pool(let kind) = step.operation {
                PathNaming.standalone.poolNorm(step.position, kind: kind, inputWidth: step.inputWidth)
                    .initialize(width: kind.width(for: step.inputWidth), in: &store)
            }
            guard case .combine(let width) = step.operation else { continue }
            store.parameters[PathNaming.standalone.combineWeight(step.position)] = Initializer.linearWeight(
                fanIn: step.inputWidth, fanOut: width, generator: &generator)
            PathNaming.standalone.combineNorm(step.position, width: width).initialize(width: width, in: &store)
        }
        let head = Supernet.head(space: space, rows: mapping.head.widths[0], dropout: dropout)
        head.initialize(&store, generator: &generator)
        self.init(architecture: architecture, space: space, dropout: dropout, store: store)
    }

    /// A model from its parts (the store must hold exactly the tensors the architecture needs).
    init(architecture: Architecture, space: DesignSpace, dropout: Float, store: ParameterStore) {
        self.architecture = architecture
        self.space = space
        self.dropout = dropout
        self.store = store
    }

    /// The pooled width handed to the head.
    var pooledWidth: Int { architecture.pooledWidth(in: space) }

    /// The path through this model's tensors.
    var program: PathProgram {
        PathProgram(
            operations: architecture.operations, k: space.k,
            head: Supernet.head(space: space, rows: pooledWidth, dropout: dropout), naming: .standalone)
    }

    /// Logits [B, classes] for `points` [B·N, 3] (N = nodes, which must be the space's points per cloud for
    /// the costs to mean anything, but any N > k runs), on up to `threads.threads` threads.
    public mutating func forward(
        _ points: Tensor, batch: Int, nodes: Int, training: Bool, generator: inout SeededGenerator,
        threads: ThreadBudget
    ) -> (Tensor, PathTape) {
        var none: BatchStatistics?
        let (logits, tape) = program.forward(
            points, batch: batch, nodes: nodes, store: &store, training: training, statistics: &none,
            generator: &generator, threads: threads)
        guard let tape else { preconditionFailure("a forward pass without statistics always records a tape") }
        return (logits, tape)
    }

    /// The gradients of every parameter for `dLogits` [B, classes], on up to `threads.threads` threads.
    public func backward(_ dLogits: Tensor, tape: PathTape, threads: ThreadBudget) -> Gradients {
        var (gradients, _) = program.backward(dLogits, tape: tape, store: store, threads: threads)
        for (name, value) in store.parameters where gradients.values[name] == nil {
            gradients.values[name] = Tensor.zeros(value.shape)
        }
        return gradients
    }

    /// Trains the model for `steps` steps of Adam on batches drawn (with a fixed seeded shuffle, no
    /// augmentation) from `data`; BatchNorm running statistics move as in training. Kernels run on up to
    /// `threads.threads` threads.
    public mutating func fineTune(
        on data: PointCloudSet, steps: Int, batchSize: Int, learningRate: Float, seed: UInt64, threads: ThreadBudget
    ) {
        guard data.count >= batchSize, batchSize >= 2 else { return }
        var generator = SeededGenerator(seed: seed ^ 0xF1_7E7E)
        var optimizer = SliceOptimizer(.adam(learningRate: learningRate, weightDecay: 0))
        var order: [Int] = []
        for _ in 0..<steps {
            if order.count < batchSize {
                order = Array(0..<data.count)
                order.shuffle(using: &generator)
            }
            let chosen = Array(order.suffix(batchSize))
            order.removeLast(batchSize)
            let (points, labels) = Batching.gather(data, indices: chosen)
            let (logits, tape) = forward(
                points, batch: batchSize, nodes: data.pointsPerCloud, training: true, generator: &generator,
                threads: threads)
            let (_, dLogits) = CrossEntropy.lossAndGradient(logits: logits, labels: labels)
            optimizer.step(
                &store, gradients: backward(dLogits, tape: tape, threads: threads), regions: [:],
                learningRate: learningRate)
        }
    }
}

extension Architecture {
    /// The width of the vector handed to the head in `space`.
    func pooledWidth(in space: DesignSpace) -> Int {
        var width = space.inputWidth
        for op in operations { width = op.outputWidth(for: width) }
        return width
    }
}
