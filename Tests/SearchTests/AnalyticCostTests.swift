import Design
import Search
import Testing

@Suite struct AnalyticCostTests {
    let model = AnalyticCost(
        deviceFlopsPerSecond: 2e6, edgeFlopsPerSecond: 5e8, linkDelaySeconds: 0.002, deviceActiveWatts: 3,
        deviceIdleWatts: 1, radioWatts: 0.5)

    @Test func edgeOnlyDesignPaysForTheRawInputAndTheLogits() throws {
        // Everything on the edge: the raw input [32, 3] float32 (384 bytes) goes out, 3 float32 logits
        // (12 bytes) come back, two crossings with a delay each; the device computes nothing.
        let arch = try Architecture.parse("comm | knn | agg(rel,max) | pool(max)", in: searchSpace)
        let mapping = try arch.mapping(in: searchSpace)
        let flops = Double(mapping.cost(on: .edge).flops)
        #expect(mapping.cost(on: .device).flops == 0)
        for bandwidth in [10.0, 100.0] {
            let cost = try model.cost(of: mapping, bandwidthMbps: bandwidth)
            let link = (384.0 + 12) * 8 / (bandwidth * 1e6) + 2 * 0.002
            let expected = flops / 5e8 + link
            #expect(abs(cost.latencySeconds - expected) <= 1e-12 * expected)
            let energy = 1 * flops / 5e8 + 0.5 * link
            #expect(abs(cost.deviceEnergyJoules - energy) <= 1e-12 * energy)
        }
    }

    @Test func deviceOnlyDesignIsComputeOnlyAndIndependentOfBandwidth() throws {
        let arch = try Architecture.parse("knn | agg(rel,max) | combine(8) | pool(max)", in: searchSpace)
        let mapping = try arch.mapping(in: searchSpace)
        #expect(mapping.crossings.isEmpty)
        // knn 3·P²·C + P² on C=3, aggregate relative+max P·k·(C + C), combine 3→8 2·P·3·8 + 3·P·8, pool max P·8
        // then its BatchNorm 2·8, head 8→16→8→3 as combines and the last Linear with bias.
        let p = 32.0
        let k = Double(searchSpace.k)
        let knn: Double = 3 * p * p * 3 + p * p
        let aggregate: Double = p * k * 6
        let combine: Double = 2 * p * 3 * 8 + 3 * p * 8
        let pool: Double = p * 8 + 16
        let features = knn + aggregate + combine + pool
        let hidden: Double = (2 * 8 * 16 + 3 * 16) + (2 * 16 * 8 + 3 * 8)
        let head = hidden + (2 * 8 * 3 + 3.0)
        let slow = try model.cost(of: mapping, bandwidthMbps: 1)
        let fast = try model.cost(of: mapping, bandwidthMbps: 1000)
        #expect(slow == fast)
        #expect(abs(slow.latencySeconds - (features + head) / 2e6) <= 1e-12)
        #expect(abs(slow.deviceEnergyJoules - 3 * (features + head) / 2e6) <= 1e-12)
    }

    @Test func nonPositiveBandwidthIsRefused() throws {
        let mapping = try Architecture.parse("knn | agg(rel,max) | combine(8) | pool(max)", in: searchSpace)
            .mapping(in: searchSpace)
        #expect(throws: SearchError.self) { _ = try model.cost(of: mapping, bandwidthMbps: 0) }
    }
}
