import Design
import Systems

/// The medians of one model run in the engine as `measure` runs ground truth: an in-process `EdgeServer` on
/// 127.0.0.1 (ephemeral port) holding the model, a `DeviceRuntime` over the socket on `system` with the link
/// at a constant bandwidth, one untimed warm-up request, then the rest one at a time (no pipelining).
public struct EngineFigures: Sendable, Hashable {
    /// Median end-to-end latency per request, seconds.
    public var latency: Double
    /// Median device energy per request, joules.
    public var energy: Double
    /// The timed requests the medians are over.
    public var requests: Int

    /// Runs `model` (split at its communicate ops) on `system` at `megabitsPerSecond` Mbit/s over `samples`
    /// (the first is the warm-up when there are two or more); throws when the edge does not answer.
    public init(
        _ model: ArchitectureModel, system: System, megabitsPerSecond: Double, clock: ClockMode = .virtual,
        samples: [DeviceRuntime.Sample]
    ) throws {
        guard !samples.isEmpty else {
            throw CoInferenceError(origin: "engine measurement", message: "has no samples: give at least one")
        }
        let deployable = DeployableModel(architecture: model)
        let plan = try deployable.plan(split: nil)
        let server = try EdgeServer(EdgeServer.Configuration(models: [deployable], edge: system.edge), log: { _ in })
        server.start()
        defer {
            server.stop(drain: false)
            server.wait()
        }
        var system = system
        system.link.megabitsPerSecond = megabitsPerSecond
        system.link.schedule = []
        let runtime = DeviceRuntime(
            plan: plan, split: nil, edge: server.endpoint, options: DeviceOptions(system: system, clock: clock),
            log: { _ in })
        let all = try runtime.run(samples).reports
        let reports = all.count > 1 ? Array(all.dropFirst()) : all
        if reports.contains(where: \.fallback) {
            throw CoInferenceError(
                origin: "engine measurement of \(model.architecture.text)",
                message: "the edge did not answer (a request fell back to the device)")
        }
        latency = quantile(reports.map(\.total), 0.5)
        energy = quantile(reports.map(\.energy.total), 0.5)
        requests = reports.count
    }
}
