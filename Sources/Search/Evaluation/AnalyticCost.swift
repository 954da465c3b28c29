import Design
import GNN

/// The roofline-style fallback cost model: compute time from FLOPs at a stated speed per side, link time
/// from the bytes that cross at the bandwidth plus a fixed one-way delay per crossing, device energy from
/// stated powers.
///
/// FLOPs and bytes come from Design's `Mapping` (`CostModel` counting conventions, `LinkPayload` bytes).
/// For one sample:
/// - device time t_d = device FLOPs / `deviceFlopsPerSecond`; edge time t_e = edge FLOPs / `edgeFlopsPerSecond`;
/// - link time t_l = Σ over crossings (bytes · 8 / (bandwidth · 10⁶) + `linkDelaySeconds`);
/// - latency = t_d + t_e + t_l (no overlap: one sample at batch 1 runs sequentially);
/// - device energy = `deviceActiveWatts` · t_d + `deviceIdleWatts` · t_e + `radioWatts` · t_l (SPEC.md §4).
/// It ignores memory traffic and per-op overheads, so it underestimates small ops; it is an honest
/// analytic model for ranking under a budget, not a measurement.
public struct AnalyticCost: CostEvaluator, Hashable {
    /// Device compute speed, FLOP/s.
    public var deviceFlopsPerSecond: Double
    /// Edge compute speed, FLOP/s.
    public var edgeFlopsPerSecond: Double
    /// Fixed one-way delay per link crossing, seconds.
    public var linkDelaySeconds: Double
    /// Device power while computing, watts.
    public var deviceActiveWatts: Double
    /// Device power while waiting for the edge, watts.
    public var deviceIdleWatts: Double
    /// Device radio power while transferring, watts.
    public var radioWatts: Double

    /// A model with the given speeds (FLOP/s), delay (s) and powers (W); defaults approximate a
    /// Raspberry-Pi-class device (1 GFLOP/s, 4 W active, 2 W idle, 1.5 W radio) with an i7-class edge
    /// (50 GFLOP/s) and 1 ms one-way delay.
    public init(
        deviceFlopsPerSecond: Double = 1e9, edgeFlopsPerSecond: Double = 5e10, linkDelaySeconds: Double = 1e-3,
        deviceActiveWatts: Double = 4, deviceIdleWatts: Double = 2, radioWatts: Double = 1.5
    ) {
        self.deviceFlopsPerSecond = deviceFlopsPerSecond
        self.edgeFlopsPerSecond = edgeFlopsPerSecond
        self.linkDelaySeconds = linkDelaySeconds
        self.deviceActiveWatts = deviceActiveWatts
        self.deviceIdleWatts = deviceIdleWatts
        self.radioWatts = radioWatts
    }

    /// E.g. `analytic(device 1 GFLOP/s, edge 50 GFLOP/s, delay 1 ms)`.
    public var name: String {
        "analytic(device \(deviceFlopsPerSecond / 1e9) GFLOP/s, edge \(edgeFlopsPerSecond / 1e9) GFLOP/s, "
            + "delay \(linkDelaySeconds * 1e3) ms)"
    }

    /// The cost of one sample (see the type's formulas); throws when the bandwidth is not positive.
    public func cost(of mapping: Mapping, bandwidthMbps: Double) throws -> CostEstimate {
        guard bandwidthMbps > 0, bandwidthMbps.isFinite else {
            throw SearchError.invalidOption(detail: "bandwidth \(bandwidthMbps) Mbit/s must be positive")
        }
        let deviceTime = Double(mapping.cost(on: .device).flops) / deviceFlopsPerSecond
        let edgeTime = Double(mapping.cost(on: .edge).flops) / edgeFlopsPerSecond
        var linkTime = 0.0
        for crossing in mapping.crossings {
            linkTime += Double(crossing.bytes) * 8 / (bandwidthMbps * 1e6) + linkDelaySeconds
        }
        return CostEstimate(
            latencySeconds: deviceTime + edgeTime + linkTime,
            deviceEnergyJoules: deviceActiveWatts * deviceTime + deviceIdleWatts * edgeTime + radioWatts * linkTime)
    }
}
