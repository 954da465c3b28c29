import Design
import GNN
import Tensor

/// A trained latency or energy predictor: the GIN's parameters and what turns its output into a figure.
///
/// In `absolute` mode the network predicts the target divided by `targetScale` (the mean training target,
/// stored with the model), so its output is of order 1 whatever the unit; `predict` multiplies back. In
/// `residual` mode it predicts the relative correction of each graph's baseline (`PredictorMode`). The file
/// format is `PredictorModel+File.swift`.
public struct PredictorModel: Sendable, Equatable {
    /// The network's shape.
    public var network: GINNetwork
    /// The parameters by name (see `GINNetwork`); the first member of an ensemble.
    public var store: ParameterStore
    /// The other members of an ensemble: parameters of the same network trained on the same split from other
    /// initialisations (empty for a single network). A prediction averages every member's output.
    public var otherMembers: [ParameterStore] = []
    /// What it predicts.
    public var target: PredictionTarget
    /// The target normalisation: prediction = network output × targetScale (seconds or joules) in absolute
    /// mode, baseline × targetScale × (1 + output) in residual mode (a ratio).
    public var targetScale: Double
    /// What the network learns.
    public var mode: PredictorMode
    /// The seed of the run that made it (`PredictorTrainingOptions.seed` when trained; the parameter seed when
    /// made by `init(network:target:targetScale:seed:)`).
    public var seed: UInt64
    /// The feature layout its graphs must follow (`FeatureLayout.version` when trained here).
    public var featureLayoutVersion: Int

    /// A model with fresh parameters drawn from `seed`.
    public init(
        network: GINNetwork, target: PredictionTarget, targetScale: Double, seed: UInt64,
        mode: PredictorMode = .absolute
    ) {
        var generator = SeededGenerator(seed: seed)
        self.init(
            network: network, store: network.initialParameters(generator: &generator), target: target,
            targetScale: targetScale, seed: seed, featureLayoutVersion: FeatureLayout.version, mode: mode)
    }

    /// A model from all of its parts.
    public init(
        network: GINNetwork, store: ParameterStore, target: PredictionTarget, targetScale: Double, seed: UInt64,
        featureLayoutVersion: Int, mode: PredictorMode = .absolute
    ) {
        self.network = network
        self.store = store
        self.target = target
        self.targetScale = targetScale
        self.seed = seed
        self.featureLayoutVersion = featureLayoutVersion
        self.mode = mode
    }

    /// The network's input for `graphs`: linear columns divided by the target scale (absolute) or by each
    /// graph's baseline latency (residual).
    public func batch(_ graphs: [ArchitectureGraph]) -> GraphBatch {
        switch mode {
        case .absolute: GraphBatch(graphs, scale: targetScale)
        case .residual: GraphBatch(graphs, scales: graphs.map(\.baseline.latency))
        }
    }

    /// The figure (seconds or joules) a network output stands for on `graph`.
    public func figure(output: Float, graph: ArchitectureGraph) -> Double {
        switch mode {
        case .absolute: Double(output) * targetScale
        case .residual: graph.baseline(for: target) * targetScale * (1 + Double(output))
        }
    }

    /// What the loss compares with the normalised target: the output itself (absolute) or 1 + output
    /// (residual); the gradient with respect to either is the same.
    public func lossInput(_ output: Tensor) -> Tensor {
        switch mode {
        case .absolute: output
        case .residual: Tensor(shape: output.shape, scalars: output.scalars.map { 1 + $0 })
        }
    }

    /// The normalised target of a measured figure on `graph`: figure / targetScale (absolute) or
    /// figure / (baseline × targetScale) (residual); `lossInput` of a perfect output equals it.
    public func normalisedTarget(_ figure: Double, graph: ArchitectureGraph) -> Double {
        switch mode {
        case .absolute: figure / targetScale
        case .residual: figure / (graph.baseline(for: target) * targetScale)
        }
    }

    /// The predicted figure (seconds or joules) of every graph, in order; batches of `batchSize` graphs.
    public func predict(_ graphs: [ArchitectureGraph], batchSize: Int = 256, threads: ThreadBudget) -> [Double] {
        var result: [Double] = []
        result.reserveCapacity(graphs.count)
        var start = 0
        while start < graphs.count {
            let end = min(graphs.count, start + max(1, batchSize))
            let chunk = Array(graphs[start..<end])
            let input = batch(chunk)
            var sum = [Float](repeating: 0, count: chunk.count)
            for member in [store] + otherMembers {
                let (output, _) = network.forward(input, store: member, threads: threads)
                for (index, value) in output.scalars.enumerated() { sum[index] += value }
            }
            let count = Float(1 + otherMembers.count)
            result += zip(sum, chunk).map { figure(output: $0 / count, graph: $1) }
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
