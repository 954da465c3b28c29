import Design
import GNN

/// Where the per-node LUT costs of an architecture graph come from: seconds of one position's operation on
/// its side, and of one layer of the head on the head's side.
///
/// Systems will build this from its measured lookup tables; `flopProportional` is an estimate from FLOPs
/// alone (Design's `CostModel`), for tests and quick experiments without a profile.
public struct NodeCosts: Sendable {
    /// Seconds of the operation at a position, on the side it runs on (a communicate: its own cost, e.g.
    /// serialising; the transfer time is a separate feature).
    public var position: @Sendable (PositionFacts) -> Double
    /// Seconds of head layer `layer` (0 = first, from `head.widths[layer]` to `head.widths[layer + 1]`) on
    /// `head.side`.
    public var headLayer: @Sendable (_ head: HeadFacts, _ layer: Int) -> Double
    /// The whole-architecture estimate a residual predictor corrects (`PredictorMode.residual`): latency in
    /// seconds and device energy in joules of a mapping at a bandwidth (Mbit/s), e.g. Systems' `LUTEstimate`;
    /// nil when there is none, and the graph then takes its own sum of costs plus transfer time for both.
    public var baseline: @Sendable (_ mapping: Mapping, _ megabitsPerSecond: Double) -> Baseline?

    /// A whole-architecture estimate: seconds end to end and device joules.
    public struct Baseline: Sendable, Hashable {
        /// End-to-end seconds.
        public var latency: Double
        /// Device joules.
        public var energy: Double

        /// An estimate from its two figures.
        public init(latency: Double, energy: Double) {
            self.latency = latency
            self.energy = energy
        }
    }

    /// Costs from closures (no whole-architecture baseline unless `baseline` gives one).
    public init(
        position: @escaping @Sendable (PositionFacts) -> Double,
        headLayer: @escaping @Sendable (_ head: HeadFacts, _ layer: Int) -> Double,
        baseline: @escaping @Sendable (_ mapping: Mapping, _ megabitsPerSecond: Double) -> Baseline? = { _, _ in nil }
    ) {
        self.position = position
        self.headLayer = headLayer
        self.baseline = baseline
    }

    /// Costs proportional to FLOPs: `flops × secondsPerFlop(side)`. Head layers count as `CostModel` counts
    /// them: hidden layers 2·a·b + 3·b (Linear, folded BatchNorm, activation), the last 2·a·b + b.
    public static func flopProportional(deviceSecondsPerFlop: Double, edgeSecondsPerFlop: Double) -> NodeCosts {
        let perFlop: @Sendable (Side) -> Double = { $0 == .device ? deviceSecondsPerFlop : edgeSecondsPerFlop }
        return NodeCosts(
            position: { Double($0.flops) * perFlop($0.side) },
            headLayer: { head, layer in
                let (a, b) = (head.widths[layer], head.widths[layer + 1])
                let flops = layer == head.widths.count - 2 ? 2 * a * b + b : 2 * a * b + 3 * b
                return Double(flops) * perFlop(head.side)
            })
    }
}
