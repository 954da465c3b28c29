import Design
import GNN
import Systems
import Tensor

/// Measures ground truth for the predictor (SPEC.md §4): sampled valid architectures with random weights run
/// through the real engine — an `EdgeServer` on 127.0.0.1 (ephemeral port) and a `DeviceRuntime` over the
/// socket — on `system` at each bandwidth, on `clock`.
///
/// Architecture i is the i-th of `ArchitectureSampler(space)` drawn from `SeededGenerator(seed)`, so the
/// first n of a larger run are the same n; its weights and inputs come from a generator seeded by (seed, i),
/// so a resumed run measures exactly what an uninterrupted one would. Per (architecture, bandwidth): one
/// untimed warm-up request, then `repeats` requests one at a time (no pipelining); the medians and the
/// repeat-to-repeat noise are recorded. Resuming: the records of `previous` are kept and never re-measured;
/// with a `path`, the measurement is saved after every architecture.
public struct GroundTruth: Sendable {
    /// The system (its link bandwidth is set to each of `bandwidths`).
    public var system: System
    /// The space to sample from.
    public var space: DesignSpace
    /// Bandwidths in Mbit/s.
    public var bandwidths: [Double]
    /// The engine's clock.
    public var clock: ClockMode
    /// Timed requests per (architecture, bandwidth).
    public var repeats: Int
    /// The seed of everything sampled.
    public var seed: UInt64

    /// A ground-truth run's settings.
    public init(
        system: System, space: DesignSpace, bandwidths: [Double], clock: ClockMode = .virtual, repeats: Int = 5,
        seed: UInt64 = 1
    ) {
        self.system = system
        self.space = space
        self.bandwidths = bandwidths
        self.clock = clock
        self.repeats = max(1, repeats)
        self.seed = seed
    }

    /// The first `count` architectures of the seeded sample.
    public func architectures(_ count: Int) throws -> [Architecture] {
        var generator = SeededGenerator(seed: seed)
        return try ArchitectureSampler(space: space).sample(count, using: &generator)
    }

    /// Measures architectures 0..<count at every bandwidth, continuing `previous` (which must have the same
    /// settings); returns the measurement and how many (architecture, bandwidth) pairs were measured now.
    public func run(
        count: Int, previous: EngineMeasurement? = nil, path: String? = nil, progress: Progress = .silent,
        cancellation: Cancellation = .never
    ) throws -> (measurement: EngineMeasurement, measured: Int) {
        var measurement =
            previous
            ?? EngineMeasurement(
                space: space, system: system, clock: clock, repeats: repeats, seed: seed,
                cpu: ProfileConditions.hostCPU())
        if let previous {
            guard previous.seed == seed, previous.clock == clock, previous.repeats == repeats else {
                throw CoInferenceError(
                    origin: path ?? "measurement",
                    message: "was measured with seed \(previous.seed), clock \(previous.clock.rawValue), "
                        + "\(previous.repeats) repeats; continue it with the same settings or use another file")
            }
        }
        let architectures = try architectures(count)
        var measured = 0
        for (index, architecture) in architectures.enumerated() {
            try cancellation.check()
            let missing = bandwidths.filter { !measurement.contains(index: index, megabitsPerSecond: $0) }
            if !missing.isEmpty {
                measurement.records += try measure(architecture, index: index, bandwidths: missing)
                measured += missing.count
                if let path { try measurement.save(to: path) }
            }
            progress.report(index + 1, of: count, note: "\(measured) measured")
        }
        return (measurement, measured)
    }

    /// The records of `architecture` at `bandwidths`.
    func measure(_ architecture: Architecture, index: Int, bandwidths: [Double]) throws -> [MeasurementRecord] {
        var generator = SeededGenerator(seed: seed &+ 0x9E37_79B9_7F4A_7C15 &* UInt64(index + 1))
        let model = try ArchitectureModel(architecture, space: space, generator: &generator)
        let deployable = DeployableModel(architecture: model)
        let plan = try deployable.plan(split: nil)
        let server = try EdgeServer(
            EdgeServer.Configuration(models: [deployable], edge: system.edge), log: { _ in })
        server.start()
        defer { server.stop(drain: false) }
        let samples = (0...repeats).map { _ in
            DeviceRuntime.Sample(
                points: Tensor.randomNormal([space.pointsPerCloud, space.inputWidth], generator: &generator),
                label: nil)
        }
        var records: [MeasurementRecord] = []
        for bandwidth in bandwidths {
            var system = self.system
            system.link.megabitsPerSecond = bandwidth
            system.link.schedule = []
            let wall = MonotonicClock.now()
            let runtime = DeviceRuntime(
                plan: plan, split: nil, edge: server.endpoint, options: DeviceOptions(system: system, clock: clock),
                log: { _ in })
            let reports = try runtime.run(samples).reports.dropFirst()
            if reports.contains(where: \.fallback) {
                throw CoInferenceError(
                    origin: "measure \(architecture.text)",
                    message: "the edge did not answer (a request fell back to the device); nothing was recorded")
            }
            let latency = MeasurementRecord.medianAndNoise(reports.map(\.total))
            let energy = MeasurementRecord.medianAndNoise(reports.map(\.energy.total))
            records.append(
                MeasurementRecord(
                    index: index, architecture: architecture, megabitsPerSecond: bandwidth, latency: latency.median,
                    latencyNoise: latency.noise, energy: energy.median, energyNoise: energy.noise,
                    wallSeconds: MonotonicClock.now() - wall))
        }
        return records
    }
}
