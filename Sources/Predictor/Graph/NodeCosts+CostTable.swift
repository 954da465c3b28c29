import Design
import GNN
import Systems

extension NodeCosts {
    /// Node costs looked up in a profiled `CostTable` (Systems): each position's op on its side at its input
    /// width, each head layer on the head's side. A combine runs after the pool when its FLOP count is the
    /// one-row count (Design's `CostModel` counts rows = 1 after the pool; only a combine can follow it).
    /// A key the table lacks costs 0: check architectures with `LUTEstimate` first, which throws naming it.
    /// The baseline is the `LUTEstimate` over the table's system's link delay at the graph's bandwidth (nil when
    /// the table lacks a key).
    public static func lookup(_ table: CostTable) -> NodeCosts {
        NodeCosts(
            position: { facts in
                var pooled = false
                if case .combine = facts.operation, table.points > 1 {
                    pooled =
                        facts.flops
                        == CostModel.flops(facts.operation, inputWidth: facts.inputWidth, rows: 1, k: table.k)
                }
                guard let key = CostKey(facts.operation, inputWidth: facts.inputWidth, pooled: pooled) else {
                    return 0
                }
                return (try? table.seconds(key, on: facts.side)) ?? 0
            },
            headLayer: { head, layer in
                (try? table.seconds(CostKey.head(widths: head.widths, layer: layer), on: head.side)) ?? 0
            },
            baseline: { mapping, megabitsPerSecond in
                let link = LinkProfile(megabitsPerSecond: megabitsPerSecond, delay: table.system.link.delay)
                guard let estimate = try? LUTEstimate(mapping: mapping, table: table, link: link) else { return nil }
                return Baseline(latency: estimate.latency, energy: estimate.deviceJoules)
            })
    }
}
