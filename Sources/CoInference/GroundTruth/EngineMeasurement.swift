import Design
import Systems

/// Ground truth for the predictor: end-to-end latency and device energy of sampled architectures measured in
/// the real engine on one system at several bandwidths (SPEC.md §4). Built by `GroundTruth`, saved by
/// `save(to:)`; a run that finds a file continues it.
public struct EngineMeasurement: Sendable, Hashable {
    /// The space the architectures come from.
    public var space: DesignSpace
    /// The system (its link's bandwidth is replaced by each record's).
    public var system: System
    /// The clock the engine ran on.
    public var clock: ClockMode
    /// Timed requests per (architecture, bandwidth), after one untimed warm-up request.
    public var repeats: Int
    /// The seed of the architecture sample, the weights and the inputs.
    public var seed: UInt64
    /// The host CPU.
    public var cpu: String
    /// The records, in measuring order.
    public var records: [MeasurementRecord]

    /// A measurement from its parts.
    public init(
        space: DesignSpace, system: System, clock: ClockMode, repeats: Int, seed: UInt64, cpu: String,
        records: [MeasurementRecord] = []
    ) {
        self.space = space
        self.system = system
        self.clock = clock
        self.repeats = repeats
        self.seed = seed
        self.cpu = cpu
        self.records = records
    }

    /// The distinct architecture indices measured.
    public var architectureCount: Int { Set(records.map(\.index)).count }

    /// The distinct bandwidths, ascending.
    public var bandwidths: [Double] { Set(records.map(\.megabitsPerSecond)).sorted() }

    /// The noise floor of a predictor of single requests: the mean over records of the latency noise (mean
    /// relative deviation of a repeat from the median), and the same for energy.
    public var noiseFloor: (latency: Double, energy: Double) {
        guard !records.isEmpty else { return (0, 0) }
        let n = Double(records.count)
        return (
            records.reduce(0) { $0 + $1.latencyNoise } / n, records.reduce(0) { $0 + $1.energyNoise } / n
        )
    }

    /// The total wall seconds of all records.
    public var wallSeconds: Double { records.reduce(0) { $0 + $1.wallSeconds } }

    /// Whether (index, bandwidth) is already measured.
    public func contains(index: Int, megabitsPerSecond: Double) -> Bool {
        records.contains { $0.index == index && $0.megabitsPerSecond == megabitsPerSecond }
    }
}
