import Design

/// Predicts latency and device energy of an architecture with its mapping at a link bandwidth.
///
/// The search calls it once per (architecture, distinct bandwidth) and never again for the same pair
/// (evaluated designs are kept, also across a checkpoint). `AnalyticCost` is the always-available
/// roofline-style fallback; the LUT estimate and the learned GIN predictor (SPEC.md §4) conform later.
/// Must be deterministic: the same mapping and bandwidth give the same estimate.
public protocol CostEvaluator: Sendable {
    /// A short name for reports and files, e.g. `analytic(device 1 GFLOP/s, edge 50 GFLOP/s)`.
    var name: String { get }

    /// The cost of one sample of `mapping` over a link of `bandwidthMbps` Mbit/s.
    func cost(of mapping: Mapping, bandwidthMbps: Double) throws -> CostEstimate
}
