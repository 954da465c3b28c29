/// The profiler's average of repeated timings: drop the samples outside 1.5 IQR, average the rest.
///
/// Quartiles by linear interpolation between order statistics (q at position q·(n − 1) of the sorted
/// samples); a sample s is kept when Q1 − 1.5·IQR ≤ s ≤ Q3 + 1.5·IQR. Also returns how many were kept and
/// their standard deviation (population), the entry's repeat-to-repeat spread.
public struct RobustMean: Sendable, Hashable {
    /// The mean of the kept samples.
    public var mean: Double
    /// The population standard deviation of the kept samples.
    public var spread: Double
    /// The number of samples kept.
    public var kept: Int

    /// The robust mean of `samples` (an empty list gives 0, 0, 0).
    public init(_ samples: [Double]) {
        guard !samples.isEmpty else {
            (mean, spread, kept) = (0, 0, 0)
            return
        }
        let sorted = samples.sorted()
        let q1 = Self.quantile(sorted, 0.25)
        let q3 = Self.quantile(sorted, 0.75)
        let fence = 1.5 * (q3 - q1)
        let inside = sorted.filter { $0 >= q1 - fence && $0 <= q3 + fence }
        let mean = inside.reduce(0, +) / Double(inside.count)
        self.mean = mean
        spread = (inside.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(inside.count)).squareRoot()
        kept = inside.count
    }

    /// The q-quantile of sorted values, interpolating linearly between order statistics.
    public static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard sorted.count > 1 else { return sorted.first ?? 0 }
        let position = q * Double(sorted.count - 1)
        let low = Int(position)
        let high = min(low + 1, sorted.count - 1)
        return sorted[low] + (position - Double(low)) * (sorted[high] - sorted[low])
    }
}
