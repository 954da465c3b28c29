/// What a predictor estimates: end-to-end latency per sample, or the device's energy per sample.
public enum PredictionTarget: String, Sendable, CaseIterable, Hashable, CustomStringConvertible {
    /// End-to-end latency in seconds.
    case latency
    /// Device energy in joules.
    case energy

    /// The SI unit of the stored values: `s` or `J`.
    public var unit: String { self == .latency ? "s" : "J" }

    /// The unit figures are shown in (`ms`, `mJ`) and the factor from the stored unit to it (1000).
    public var displayUnit: (name: String, factor: Double) { self == .latency ? ("ms", 1e3) : ("mJ", 1e3) }

    /// `latency` or `energy`.
    public var description: String { rawValue }
}
