import Design

/// The measured end-to-end figures of one (architecture, bandwidth) in the real engine.
public struct MeasurementRecord: Sendable, Hashable {
    /// The architecture's index in the seeded sample (0-based).
    public var index: Int
    /// The architecture.
    public var architecture: Architecture
    /// The link bandwidth in Mbit/s.
    public var megabitsPerSecond: Double
    /// The median end-to-end latency of the repeats, seconds.
    public var latency: Double
    /// Repeat-to-repeat noise of the latency: mean |repeat − median| / median.
    public var latencyNoise: Double
    /// The median device energy of the repeats, joules.
    public var energy: Double
    /// Repeat-to-repeat noise of the energy: mean |repeat − median| / median.
    public var energyNoise: Double
    /// Wall-clock seconds the measurement took.
    public var wallSeconds: Double

    /// A record from its parts.
    public init(
        index: Int, architecture: Architecture, megabitsPerSecond: Double, latency: Double, latencyNoise: Double,
        energy: Double, energyNoise: Double, wallSeconds: Double
    ) {
        self.index = index
        self.architecture = architecture
        self.megabitsPerSecond = megabitsPerSecond
        self.latency = latency
        self.latencyNoise = latencyNoise
        self.energy = energy
        self.energyNoise = energyNoise
        self.wallSeconds = wallSeconds
    }

    /// The median of `values` and their mean relative absolute deviation from it.
    public static func medianAndNoise(_ values: [Double]) -> (median: Double, noise: Double) {
        let median = quantile(values, 0.5)
        guard median > 0, !values.isEmpty else { return (median, 0) }
        return (median, values.reduce(0) { $0 + abs($1 - median) } / Double(values.count) / median)
    }
}
