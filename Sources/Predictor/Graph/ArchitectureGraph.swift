import Design
import GNN
import Systems

/// The predictor's graph of one (architecture, mapping, bandwidth), as in GCoDE's predictor (SPEC.md §4).
///
/// Nodes, in this order: the global node, the input node, one node per position, one per head layer, the
/// output node. Edges: the chain input → positions → head layers → output in both directions (so that each
/// node sees its predecessor and its successor), and every other node → global. Messages flow from an
/// edge's source to its target. Features follow `FeatureLayout`. The raw figures behind the scaled
/// features are kept (`costs`, `linkBytes`, `transferSeconds`) for LUT-style baselines.
public struct ArchitectureGraph: Sendable, Hashable {
    /// What each node stands for.
    public var kinds: [NodeKind]
    /// The features, row-major [nodeCount, FeatureLayout.width].
    public var features: [Float]
    /// Edge sources (node indices).
    public var sources: [Int32]
    /// Edge targets (node indices), aligned with `sources`.
    public var targets: [Int32]
    /// The LUT cost of every node on its side, seconds (0 for global, input and output).
    public var costs: [Double]
    /// The bytes crossing the link per sample, both directions: the engine's frames (`FrameSize.frames`,
    /// headers included), which skip what the receiver already holds.
    public var linkBytes: Int
    /// The link bandwidth in Mbit/s (10⁶ bits per second, as Systems' `LinkProfile` counts it).
    public var megabitsPerSecond: Double
    /// The time the payloads take at that bandwidth, seconds (bytes·8 / (Mbit/s·10⁶), no delays).
    public var transferSeconds: Double

    /// The whole-architecture estimate a residual predictor corrects (`NodeCosts.baseline`, e.g. the LUT
    /// estimate; without one, `costSum` for both latency and energy).
    public var baseline: NodeCosts.Baseline

    /// The baseline's figure for `target`.
    public func baseline(for target: PredictionTarget) -> Double {
        target == .latency ? baseline.latency : baseline.energy
    }

    /// The number of nodes.
    public var nodeCount: Int { kinds.count }

    /// The sum of the node costs plus the transfer time: the LUT estimate without fixed link delays.
    public var costSum: Double { costs.reduce(0, +) + transferSeconds }

    /// Builds the graph of `mapping` over a link of `megabitsPerSecond` Mbit/s, with the node costs from `costs`.
    public init(mapping: Mapping, costs nodeCosts: NodeCosts, megabitsPerSecond: Double) throws(PredictorError) {
        guard megabitsPerSecond > 0, megabitsPerSecond.isFinite else {
            throw PredictorError(
                origin: "predictor graph",
                message: "bandwidth \(megabitsPerSecond) Mbit/s is not a positive number")
        }
        self.megabitsPerSecond = megabitsPerSecond
        let headLayers = mapping.head.widths.count - 1
        kinds =
            [.global, .input] + mapping.steps.map { .position($0.position) }
            + (0..<headLayers).map { .headLayer($0) } + [.output]
        let n = kinds.count
        let w = FeatureLayout.width
        features = [Float](repeating: 0, count: n * w)
        costs = [Double](repeating: 0, count: n)
        linkBytes = 0
        transferSeconds = 0
        baseline = NodeCosts.Baseline(latency: 0, energy: 0)
        var sources: [Int32] = []
        var targets: [Int32] = []
        for node in 1..<(n - 1) {
            sources += [Int32(node), Int32(node + 1)]
            targets += [Int32(node + 1), Int32(node)]
        }
        for node in 1..<n {
            sources.append(Int32(node))
            targets.append(0)
        }
        self.sources = sources
        self.targets = targets
        features[0 * w + FeatureLayout.global] = 1
        features[1 * w + FeatureLayout.input] = 1
        features[1 * w + FeatureLayout.side] = 1
        for (index, step) in mapping.steps.enumerated() {
            let node = 2 + index
            features[node * w + FeatureLayout.opType + step.operation.opID] = 1
            features[node * w + FeatureLayout.function + step.operation.functionID] = 1
            setSide(step.side, node: node)
            setCost(nodeCosts.position(step), node: node)
        }
        for layer in 0..<headLayers {
            let node = 2 + mapping.steps.count + layer
            features[node * w + FeatureLayout.head] = 1
            setSide(mapping.head.side, node: node)
            setCost(nodeCosts.headLayer(mapping.head, layer), node: node)
        }
        let output = n - 1
        features[output * w + FeatureLayout.output] = 1
        setSide(.device, node: output)
        // What really crosses: the engine's frames (Systems' `FrameSize`), each on the communicate that sends
        // it; the logits after an edge head on the output node.
        for frame in FrameSize.frames(of: mapping) {
            setPayload(frame.bytes, node: frame.position.map { 2 + $0 } ?? output)
        }
        let sum = costs.reduce(0, +) + transferSeconds
        baseline =
            nodeCosts.baseline(mapping, megabitsPerSecond) ?? NodeCosts.Baseline(latency: sum, energy: sum)
    }

    private mutating func setSide(_ side: Side, node: Int) {
        features[node * FeatureLayout.width + FeatureLayout.side + (side == .device ? 0 : 1)] = 1
    }

    private mutating func setCost(_ seconds: Double, node: Int) {
        costs[node] = seconds
        features[node * FeatureLayout.width + FeatureLayout.cost] = FeatureLayout.scaledSeconds(seconds)
        features[node * FeatureLayout.width + FeatureLayout.linearCost] = Float(seconds)
    }

    private mutating func setPayload(_ bytes: Int, node: Int) {
        linkBytes += bytes
        let seconds = Double(bytes) * 8 / (megabitsPerSecond * 1e6)
        transferSeconds += seconds
        let row = node * FeatureLayout.width
        features[row + FeatureLayout.payload] = FeatureLayout.scaledBytes(bytes)
        features[row + FeatureLayout.bandwidth] = FeatureLayout.scaledBandwidth(megabitsPerSecond: megabitsPerSecond)
        features[row + FeatureLayout.transfer] = FeatureLayout.scaledSeconds(seconds)
        features[row + FeatureLayout.linearTransfer] = Float(seconds)
    }
}
