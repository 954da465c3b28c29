import HDF5
import Tensor

/// One of the baseline models, as the Workbench holds it: train, evaluate, save and load through one type.
public enum BaselineModel: Sendable {
    /// A DGCNN.
    case dgcnn(DGCNN)
    /// A vanilla PointNet.
    case pointNet(PointNet)

    /// A freshly initialised model of the paper's configuration: `kind` is "dgcnn" or "pointnet".
    public init(kind: String, classes: Int, seed: UInt64) throws {
        guard classes >= 2 else {
            throw GNNError(origin: kind, message: "a classifier needs at least 2 classes, got \(classes)")
        }
        var generator = SeededGenerator(seed: seed)
        switch kind {
        case "dgcnn": self = .dgcnn(DGCNN(DGCNN.Configuration(classes: classes), generator: &generator))
        case "pointnet": self = .pointNet(PointNet(PointNet.Configuration(classes: classes), generator: &generator))
        default: throw GNNError(origin: kind, message: "unknown model '\(kind)' (known: dgcnn, pointnet)")
        }
    }

    /// One line for people: kind, classes, parameter count and the architecture.
    public var summary: String {
        let count = store.parameterCount
        switch self {
        case .dgcnn(let m):
            let c = m.configuration
            return "dgcnn: \(c.classes) classes, \(count) parameters, k=\(c.k), edgeconv "
                + c.edgeWidths.map(String.init).joined(separator: "-") + ", embedding \(c.embedding), head "
                + c.hidden.map(String.init).joined(separator: "-")
        case .pointNet(let m):
            let c = m.configuration
            return "pointnet: \(c.classes) classes, \(count) parameters, mlp "
                + c.widths.map(String.init).joined(separator: "-") + ", head "
                + c.hidden.map(String.init).joined(separator: "-")
        }
    }

    /// The model's kind as written in model files: "dgcnn" or "pointnet".
    public var kind: String {
        switch self {
        case .dgcnn: return "dgcnn"
        case .pointNet: return "pointnet"
        }
    }

    /// The model's tensors.
    public var store: ParameterStore {
        switch self {
        case .dgcnn(let m): return m.store
        case .pointNet(let m): return m.store
        }
    }

    /// The number of classes.
    public var classes: Int {
        switch self {
        case .dgcnn(let m): return m.classes
        case .pointNet(let m): return m.classes
        }
    }

    /// Trains the model in place (see `Training.train`); throws `CancellationError` or `GNNError`.
    public mutating func train(
        on data: PointCloudSet, options: TrainingOptions, progress: Progress = .silent,
        cancellation: Cancellation = .never
    ) throws -> [EpochReport] {
        switch self {
        case .dgcnn(var m):
            defer { self = .dgcnn(m) }
            return try Training.train(&m, on: data, options: options, progress: progress, cancellation: cancellation)
        case .pointNet(var m):
            defer { self = .pointNet(m) }
            return try Training.train(&m, on: data, options: options, progress: progress, cancellation: cancellation)
        }
    }

    /// Evaluates the model on up to `threads.threads` threads (see `Training.evaluate`); throws
    /// `CancellationError` or `GNNError`.
    public func evaluate(
        on data: PointCloudSet, batchSize: Int = 16, threads: ThreadBudget, progress: Progress = .silent,
        cancellation: Cancellation = .never
    ) throws -> Evaluation {
        switch self {
        case .dgcnn(let m):
            return try Training.evaluate(
                m, on: data, batchSize: batchSize, threads: threads, progress: progress, cancellation: cancellation)
        case .pointNet(let m):
            return try Training.evaluate(
                m, on: data, batchSize: batchSize, threads: threads, progress: progress, cancellation: cancellation)
        }
    }

    /// Logits [B, classes] for `points` [B·N, 3] in evaluation mode, on up to `threads.threads` threads.
    public func logits(_ points: Tensor, batch: Int, nodes: Int, threads: ThreadBudget) -> Tensor {
        var generator = SeededGenerator(seed: 0)
        switch self {
        case .dgcnn(var m):
            return m.forward(
                points, batch: batch, nodes: nodes, training: false, generator: &generator, threads: threads
            ).0
        case .pointNet(var m):
            return m.forward(
                points, batch: batch, nodes: nodes, training: false, generator: &generator, threads: threads
            ).0
        }
    }
}
