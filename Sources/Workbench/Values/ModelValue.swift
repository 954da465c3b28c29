import Design
import GNN
import HDF5
import Tensor

/// A trained (or freshly initialised) classifier as the session holds it: a baseline (DGCNN, PointNet) or a
/// standalone model of one architecture, with the class names of the data it learnt and its training record.
public struct ModelValue: Sendable {
    /// The network itself.
    public enum Network: Sendable {
        /// DGCNN or PointNet.
        case baseline(BaselineModel)
        /// One architecture of a design space (extracted from a supernet or built from scratch).
        case architecture(ArchitectureModel)
    }

    /// The network and its weights.
    public var network: Network
    /// Class names of the training data (empty when unknown).
    public var classNames: [String]
    /// Points per cloud the model was trained on (0 when unknown).
    public var points: Int
    /// One report per training epoch, over every `train` run on this model.
    public var history: [EpochReport]

    /// A model with no training record yet.
    public init(_ network: Network, classNames: [String] = [], points: Int = 0, history: [EpochReport] = []) {
        self.network = network
        self.classNames = classNames
        self.points = points
        self.history = history
    }

    /// "dgcnn", "pointnet" or "architecture".
    public var kind: String {
        switch network {
        case .baseline(let model): return model.kind
        case .architecture: return ArchitectureModel.modelKind
        }
    }

    /// The weights and running statistics.
    public var store: ParameterStore {
        switch network {
        case .baseline(let model): return model.store
        case .architecture(let model): return model.store
        }
    }

    /// The number of classes (logit width).
    public var classes: Int {
        switch network {
        case .baseline(let model): return model.classes
        case .architecture(let model): return model.classes
        }
    }

    /// Trains the network in place and appends the epochs to `history`.
    public mutating func train(
        on data: PointCloudSet, options: TrainingOptions, progress: Progress, cancellation: Cancellation
    ) throws -> [EpochReport] {
        var reports: [EpochReport]
        switch network {
        case .baseline(var model):
            reports = try model.train(on: data, options: options, progress: progress, cancellation: cancellation)
            network = .baseline(model)
        case .architecture(var model):
            reports = try Training.train(
                &model, on: data, options: options, progress: progress, cancellation: cancellation)
            network = .architecture(model)
        }
        let done = history.count
        for index in reports.indices { reports[index].epoch += done }
        history += reports
        return reports
    }

    /// Overall and mean class accuracy on `data`, the kernels on up to `threads.threads` threads.
    public func evaluate(
        on data: PointCloudSet, threads: ThreadBudget, progress: Progress, cancellation: Cancellation
    ) throws -> Evaluation {
        switch network {
        case .baseline(let model):
            return try model.evaluate(on: data, threads: threads, progress: progress, cancellation: cancellation)
        case .architecture(let model):
            return try Training.evaluate(
                model, on: data, threads: threads, progress: progress, cancellation: cancellation)
        }
    }
}
