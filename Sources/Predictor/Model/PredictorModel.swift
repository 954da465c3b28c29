import Design
import GNN
import Tensor

/// A trained latency or energy predictor: the GIN's parameters and what turns its output into a figure.
///
/// The network predicts the target divided by `targetScale` (the mean training target, stored with the
/// model), so its output is of order 1 whatever the unit; `predict` multiplies back. The file format is
/// `PredictorModel+File.swift`.
public struct PredictorModel: Sendable, Equatable {
    /// The network's shape.
    public var network: GINNetwork
    /// The parameters by name (see `GINNetwork`).
    public var store: ParameterStore
    /// What it predicts.
    public var target: PredictionTarget
    /// The target normalisation: prediction = network output × targetScale (seconds or joules).
    public var targetScale: Double
    /// The seed of the run that made it (`PredictorTrainingOptions.seed` when trained; the parameter seed when
    /// made by `init(network:target:targetScale:seed:)`).
    public var seed: UInt64
    /// The feature layout its graphs must follow (`FeatureLayout.version` when trained here).
    public var featureLayoutVersion: Int

    /// A model with fresh parameters drawn from `seed`.
    public init(network: GINNetwork, target: PredictionTarget, targetScale: Double, seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        self.init(
            network: network, store: network.initialParameters(generator: &generator), target: target,
            targetScale: targetScale, seed: seed, featureLayoutVersion: FeatureLayout.version)
    }

    /// A model from all of its parts.
    public init(
        network: GINNetwork, store: ParameterStore, target: PredictionTarget, targetScale: Double, seed: UInt64,
        featureLayoutVersion: Int
    ) {
        self.network = network
        self.store = store
        self.target = target
        self.targetScale = targetScale
        self.seed = seed
        self.featureLayoutVersion = featureLayoutVersion
    }

    /// The predicted figure (seconds or joules) of every graph, in order; batches of `batchSize` graphs.
    public func predict(_ graphs: [ArchitectureGraph], batchSize: Int = 256, threads: ThreadBudget) -> [Double] {
        var result: [Double] = []
        result.reserveCapacity(graphs.count)
        var start = 0
        while start < graphs.count {
            let end = min(graphs.count, start + max(1, batchSize))
            let (output, _) = network.forward(
                GraphBatch(Array(graphs[start..<end]), scale: targetScale), store: store, threads: threads)
            result += output.scalars.map { Double($0) * targetScale }
            start = end
        }
        return result
    }

    /// The predicted figure of one architecture's `mapping` over a link of `megabitsPerSecond` Mbit/s, with
    /// node costs from `costs` (the graph is built as `ArchitectureGraph` builds it).
    public func predict(
        _ mapping: Mapping, costs: NodeCosts, megabitsPerSecond: Double, threads: ThreadBudget
    ) throws(PredictorError) -> Double {
        let graph = try ArchitectureGraph(mapping: mapping, costs: costs, megabitsPerSecond: megabitsPerSecond)
        return predict([graph], threads: threads)[0]
    }
}
