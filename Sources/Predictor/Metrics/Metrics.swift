/// The accuracy figures of a predictor against measurements (SPEC.md §4). All return fractions (0.061 for
/// 6.1 %) except τ, which lies in [−1, 1].
public enum Metrics {
    /// Mean absolute percentage error `(1/n) Σ |pᵢ − mᵢ| / |mᵢ|`; 0 for empty input.
    public static func mape(predicted: [Double], measured: [Double]) -> Double {
        precondition(
            predicted.count == measured.count, "mape: \(predicted.count) predictions, \(measured.count) measurements")
        guard !measured.isEmpty else { return 0 }
        var sum = 0.0
        for i in measured.indices { sum += abs(predicted[i] - measured[i]) / abs(measured[i]) }
        return sum / Double(measured.count)
    }

    /// The share of predictions whose relative error `|pᵢ − mᵢ| / |mᵢ|` is at most `tolerance` (0.1 for ±10 %).
    public static func withinShare(predicted: [Double], measured: [Double], tolerance: Double) -> Double {
        precondition(predicted.count == measured.count, "withinShare: lengths differ")
        guard !measured.isEmpty else { return 0 }
        let hits = measured.indices.filter { abs(predicted[$0] - measured[$0]) <= tolerance * abs(measured[$0]) }
        return Double(hits.count) / Double(measured.count)
    }

    /// Kendall's τ-b: `(concordant − discordant) / √((n₀ − n₁)(n₀ − n₂))` over all pairs, where n₀ = n(n−1)/2
    /// and n₁, n₂ count the pairs tied in `a` and in `b`. A pair tied in either counts neither concordant nor
    /// discordant. Returns 0 when either list is constant or shorter than 2. O(n²).
    public static func kendallTauB(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count, "kendallTauB: lengths differ")
        let n = a.count
        var concordant = 0
        var discordant = 0
        var tiedA = 0
        var tiedB = 0
        for i in 0..<n {
            for j in (i + 1)..<n {
                let da = a[i] - a[j]
                let db = b[i] - b[j]
                if da == 0 { tiedA += 1 }
                if db == 0 { tiedB += 1 }
                if da == 0 || db == 0 { continue }
                if (da > 0) == (db > 0) { concordant += 1 } else { discordant += 1 }
            }
        }
        let pairs = n * (n - 1) / 2
        let denominator = (Double(pairs - tiedA) * Double(pairs - tiedB)).squareRoot()
        guard denominator > 0 else { return 0 }
        return Double(concordant - discordant) / denominator
    }
}

/// MAPE, the shares within ±10 % and ±20 %, and Kendall τ-b of one set of predictions.
public struct PredictionMetrics: Sendable, Hashable {
    /// Mean absolute percentage error (a fraction).
    public var mape: Double
    /// Share of predictions within ±10 % (a fraction).
    public var within10: Double
    /// Share of predictions within ±20 % (a fraction).
    public var within20: Double
    /// Kendall τ-b between predictions and measurements.
    public var kendallTau: Double
    /// The number of predictions.
    public var count: Int

    /// The metrics of `predicted` against `measured` (same length).
    public init(predicted: [Double], measured: [Double]) {
        mape = Metrics.mape(predicted: predicted, measured: measured)
        within10 = Metrics.withinShare(predicted: predicted, measured: measured, tolerance: 0.1)
        within20 = Metrics.withinShare(predicted: predicted, measured: measured, tolerance: 0.2)
        kendallTau = Metrics.kendallTauB(predicted, measured)
        count = measured.count
    }
}
