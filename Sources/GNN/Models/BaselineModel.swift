import HDF5
import Tensor

/// One of the baseline models, as the Workbench holds it: train, evaluate, save and load through one type.
public enum BaselineModel: Sendable {
    /// A DGCNN.
    case dgcnn(DGCNN)
    /// A vanilla PointNet.
    case pointNet(PointNet)

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

    /// Trains the model in place (see `Training.train`).
    public mutating func train(
        on data: PointCloudSet, options: TrainingOptions, progress: Progress = .silent,
        cancellation: Cancellation = .never
    ) throws(CancellationError) -> [EpochReport] {
        switch self {
        case .dgcnn(var m):
            defer { self = .dgcnn(m) }
            return try Training.train(&m, on: data, options: options, progress: progress, cancellation: cancellation)
        case .pointNet(var m):
            defer { self = .pointNet(m) }
            return try Training.train(&m, on: data, options: options, progress: progress, cancellation: cancellation)
        }
    }

    /// Evaluates the model (see `Training.evaluate`).
    public func evaluate(
        on data: PointCloudSet, batchSize: Int = 16, progress: Progress = .silent, cancellation: Cancellation = .never
    ) throws(CancellationError) -> Evaluation {
        switch self {
        case .dgcnn(let m):
            return try Training.evaluate(
                m, on: data, batchSize: batchSize, progress: progress, cancellation: cancellation)
        case .pointNet(let m):
            return try Training.evaluate(
                m, on: data, batchSize: batchSize, progress: progress, cancellation: cancellation)
        }
    }

    /// Logits [B, classes] for `points` [B·N, 3] in evaluation mode.
    public func logits(_ points: Tensor, batch: Int, nodes: Int) -> Tensor {
        var generator = SeededGenerator(seed: 0)
        switch self {
        case .dgcnn(var m):
            return m.forward(points, batch: batch, nodes: nodes, training: false, generator: &generator).0
        case .pointNet(var m):
            return m.forward(points, batch: batch, nodes: nodes, training: false, generator: &generator).0
        }
    }
}
