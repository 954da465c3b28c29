import GNN
import HDF5
import Tensor

/// The one-shot supernet: the weights of every choice at every position of a design space, shared by all
/// architectures (SPEC.md §3).
///
/// A value type (its tensors are copy-on-write): `train` mutates it, `evaluate` caches scores in it,
/// `extract` copies one architecture's weights out. Tensors, by path (also their HDF5 paths):
/// `pos{p}/combine/weight` [`layout.combineRows[p]`, `layout.combineColumns[p]`] shared by every combine at
/// p; `pos{p}/combine/w{w}/bn/{gamma,beta,running_mean,running_var}` per combine width w;
/// `pool/{kind}/c{C}/bn/…` per pool kind and input width C (the pooled vector is normalised); the head
/// `head/fc1…` (GNN's `ClassifierHead`, fc1 with `layout.headRows` rows). Aggregate, knn, identity and
/// communicate have no weights.
public struct Supernet: Sendable {
    /// The design space.
    public let space: DesignSpace
    /// The shapes of the shared weights.
    public let layout: SupernetLayout
    /// Training and recalibration settings.
    public internal(set) var options: SupernetOptions
    /// Weights and BatchNorm running statistics.
    public internal(set) var store: ParameterStore
    /// The optimiser's state.
    public internal(set) var optimizer: SliceOptimizer
    /// The stream for sampling, shuffling, augmentation and dropout (saved in checkpoints).
    public internal(set) var generator: SeededGenerator
    /// Completed epochs.
    public internal(set) var epoch: Int
    /// One report per completed epoch.
    public internal(set) var history: [EpochReport]
    /// Scores of evaluated architectures since the weights last changed.
    public internal(set) var scores: [Architecture: ArchitectureScore]
    /// The uniform sampler of the space.
    public let sampler: ArchitectureSampler

    /// A freshly initialised supernet for `space` (PyTorch's default initialisation, seeded by
    /// `options.training.seed`); throws when the space is invalid or empty.
    public init(space: DesignSpace, options: SupernetOptions = SupernetOptions()) throws(DesignError) {
        let sampler = try ArchitectureSampler(space: space)
        let layout = SupernetLayout(sampler)
        var generator = SeededGenerator(seed: options.training.seed)
        var initGenerator = generator.fork()
        var store = ParameterStore()
        for position in 0..<space.positions where layout.combineRows[position] > 0 {
            store.parameters[PathNaming.supernet.combineWeight(position)] = Initializer.linearWeight(
                fanIn: layout.combineRows[position], fanOut: layout.combineColumns[position],
                generator: &initGenerator)
            for width in layout.combineWidths[position] {
                PathNaming.supernet.combineNorm(position, width: width).initialize(width: width, in: &store)
            }
        }
        for (kind, inputs) in layout.poolInputWidths {
            for input in inputs {
                PathNaming.supernet.poolNorm(0, kind: kind, inputWidth: input)
                    .initialize(width: kind.width(for: input), in: &store)
            }
        }
        Supernet.head(space: space, rows: layout.headRows, dropout: options.dropout)
            .initialize(&store, generator: &initGenerator)
        self.init(
            space: space, layout: layout, sampler: sampler, options: options, store: store,
            optimizer: SliceOptimizer(options.training.optimizer), generator: generator, epoch: 0, history: [])
    }

    /// A supernet from all of its parts (used by `load`).
    init(
        space: DesignSpace, layout: SupernetLayout, sampler: ArchitectureSampler, options: SupernetOptions,
        store: ParameterStore, optimizer: SliceOptimizer, generator: SeededGenerator, epoch: Int,
        history: [EpochReport]
    ) {
        self.space = space
        self.layout = layout
        self.sampler = sampler
        self.options = options
        self.store = store
        self.optimizer = optimizer
        self.generator = generator
        self.epoch = epoch
        self.history = history
        self.scores = [:]
    }

    /// The classifier head of a space with `rows` input rows.
    static func head(space: DesignSpace, rows: Int, dropout: Float) -> ClassifierHead {
        ClassifierHead(
            name: "head", maxInWidth: rows, classes: space.classes, hidden: space.headWidths, dropout: dropout)
    }

    /// The path of `architecture` through the supernet's tensors.
    func program(_ architecture: Architecture) -> PathProgram {
        PathProgram(
            operations: architecture.operations, k: space.k,
            head: Supernet.head(space: space, rows: layout.headRows, dropout: options.dropout), naming: .supernet)
    }

    /// Logits [B, classes] of `architecture`'s path for `points` [B·N, 3] in evaluation mode (running
    /// statistics, no dropout), on up to `threads.threads` threads; throws when the architecture is invalid in
    /// the space.
    public func logits(
        _ architecture: Architecture, points: Tensor, batch: Int, threads: ThreadBudget
    ) throws(DesignError) -> Tensor {
        try architecture.validate(in: space)
        var store = self.store
        var none: BatchStatistics?
        var unused = SeededGenerator(seed: 0)
        return program(architecture).forward(
            points, batch: batch, nodes: space.pointsPerCloud, store: &store, training: false, statistics: &none,
            generator: &unused, threads: threads
        ).0
    }

    /// Throws unless `data` has the space's points per cloud, labels below its classes, and at least
    /// `minimum` clouds.
    func check(_ data: PointCloudSet, role: String, minimum: Int) throws(DesignError) {
        guard data.pointsPerCloud == space.pointsPerCloud else {
            throw DesignError.dataMismatch(
                detail: "the \(role) set has \(data.pointsPerCloud) points per cloud, the space '\(space.name)' "
                    + "expects \(space.pointsPerCloud)")
        }
        guard data.classCount <= space.classes else {
            throw DesignError.dataMismatch(
                detail: "the \(role) set has \(data.classCount) classes, the space '\(space.name)' only "
                    + "\(space.classes)")
        }
        guard data.count >= minimum else {
            throw DesignError.dataMismatch(
                detail: "the \(role) set has \(data.count) clouds, at least \(minimum) are needed")
        }
    }
}
