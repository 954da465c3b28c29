import Design
import Systems

/// The lookup-table estimate (`Systems.LUTEstimate`) as a search cost model: a profiled `CostTable`'s op
/// times on their sides, the engine's frames at the target's bandwidth plus the system's one-way delay per
/// frame, and device energy by the engine's accounting (`DeviceEnergy`) with the table's system's powers.
public struct LUTCost: CostEvaluator, Hashable {
    /// The profiled table (its system gives the powers and the link delay).
    public var table: CostTable

    /// The LUT estimate of `table` on its own system.
    public init(table: CostTable) {
        self.table = table
    }

    /// `lut(pi-i7, space s)`.
    public var name: String { "lut(\(table.system.name), space \(table.spaceName))" }

    /// The LUT estimate at `bandwidthMbps` with the system's delay; throws when the bandwidth is not positive
    /// or the table lacks an op the mapping needs.
    public func cost(of mapping: Mapping, bandwidthMbps: Double) throws -> CostEstimate {
        guard bandwidthMbps > 0, bandwidthMbps.isFinite else {
            throw SearchError.invalidOption(detail: "bandwidth \(bandwidthMbps) Mbit/s must be positive")
        }
        let link = LinkProfile(megabitsPerSecond: bandwidthMbps, delay: table.system.link.delay)
        let estimate = try LUTEstimate(mapping: mapping, table: table, link: link)
        return CostEstimate(latencySeconds: estimate.latency, deviceEnergyJoules: estimate.deviceJoules)
    }
}
