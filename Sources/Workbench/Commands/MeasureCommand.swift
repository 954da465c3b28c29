import CoInference
import Design
import Foundation
import Systems
import Tensor

/// `measure n=N [in SPACE] on S [bandwidths=10,40,100] [clock=virtual|wait] [repeat=N] [seed=N] [file=PATH] as M`:
/// ground truth for the predictor from the real engine.
struct MeasureCommand: Command {
    static let spec = CommandSpec(
        name: "measure", group: .performance,
        summary: "Measure sampled architectures end to end in the co-inference engine (resumable)",
        arguments: [
            .key("n", .integer, .value("10"), "architectures (the first N of the seeded sample)"),
            SpaceArgument.spec,
            ArgumentSpec("on", .marked("on"), .name, .value("pi-i7"), "a system value or preset name"),
            .key("bandwidths", .text, .value("10,40,100"), "link bandwidths in Mbit/s, comma-separated"),
            .key("clock", .choice(ClockMode.allCases.map(\.rawValue)), .value("virtual"), "the engine's clock"),
            .key("repeat", .integer, .value("5"), "timed requests per architecture and bandwidth"),
            .key("seed", .integer, .setting("seed"), "seed of the architectures, weights and inputs"),
            .key("file", .path, .optional, "HDF5 file saved after every architecture; an existing one is continued"),
            .resultName(.value("measured"), "session name of the measurement"),
        ],
        examples: [
            "measure n=20 in s on pi-i7 as m", "measure n=200 in s on pi-i7 bandwidths=10,40,100 file=out/m.h5 as m",
        ],
        records: true,
        details: """
            Samples N valid architectures of the space (seeded; the first N of a larger run are the same), gives
            each random weights, and runs it through a real edge server on 127.0.0.1 and the device runtime over
            the socket at every bandwidth: one warm-up request, then repeat= requests one at a time. Records the
            median end-to-end latency and device energy and the repeat-to-repeat noise (mean |repeat − median| /
            median), whose mean over all records is the noise floor printed: no predictor of single requests can
            be expected to beat it. Resumable: with file= the measurement is saved after every architecture, and
            running the command again (or with a larger n) continues it and never re-measures a record; without
            file= a session value of the same name is continued.
            """)

    static func run(_ call: Invocation, in shell: Shell) throws {
        let session = shell.session
        let space = try SpaceArgument.resolve(call, in: session)
        let system = try ProfileCommand.resolveSystem(call, argument: "on", in: shell)
        let count = call.integer("n", default: 10)
        guard (1...100_000).contains(count) else { throw call.error("n=\(count): 1 to 100000", at: "n") }
        let repeats = call.integer("repeat", default: 5)
        guard (1...1000).contains(repeats) else { throw call.error("repeat=\(repeats): 1 to 1000", at: "repeat") }
        let bandwidths = try parseBandwidths(call.text("bandwidths") ?? "10,40,100", call: call)
        let clock = ClockMode(rawValue: call.text("clock") ?? "virtual") ?? .virtual
        let name = call.text("as") ?? "measured"
        let path = call.text("file").map(session.resolvePath)
        var previous: EngineMeasurement?
        if let path, FileManager.default.fileExists(atPath: path) {
            previous = try EngineMeasurement.load(path, space: space, system: system)
        } else if path == nil, let value = session.value(named: name) as? EngineMeasurement, value.space == space,
            value.system.name == system.name
        {
            previous = value
        }
        if let path { try AtomicFile.createParentDirectory(of: path) }
        let truth = GroundTruth(
            system: system, space: space, bandwidths: bandwidths, clock: clock, repeats: repeats, seed: call.seed())
        let start = MonotonicClock.now()
        let (measurement, measured) = try truth.run(
            count: count, previous: previous, path: path, progress: shell.progress("measure"),
            cancellation: shell.cancellation)
        let seconds = MonotonicClock.now() - start
        session.define(name, measurement)
        let kept = measurement.records.count - measured
        shell.console.print(
            "\(name): \(measurement.summary)\n  measured \(measured) (architecture, bandwidth) pairs in "
                + SummaryText.duration(seconds) + (kept > 0 ? ", kept \(kept) already measured" : ""))
    }

    /// `10,40,100` (Mbit/s; `40mbit` accepted) as positive bandwidths.
    static func parseBandwidths(_ text: String, call: Invocation) throws -> [Double] {
        let values = try text.split(separator: ",").map { part -> Double in
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            if let number = Double(trimmed), number > 0 { return number }
            if let rate = Units.parse(trimmed, units: Units.bitrates), rate > 0 { return rate / 1e6 }
            throw call.error("'\(trimmed)' is not a bandwidth in Mbit/s (e.g. 10,40,100)", at: "bandwidths")
        }
        guard !values.isEmpty else { throw call.error("give at least one bandwidth", at: "bandwidths") }
        return Array(Set(values)).sorted()
    }
}
