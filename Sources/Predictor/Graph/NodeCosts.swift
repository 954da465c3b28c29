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

    /// Costs from two closures.
    public init(
        position: @escaping @Sendable (PositionFacts) -> Double,
        headLayer: @escaping @Sendable (_ head: HeadFacts, _ layer: Int) -> Double
    ) {
        self.position = position
        self.headLayer = headLayer
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
