import CoInference
import Design
import Foundation
import Systems
import Tensor

/// `profile S [in SPACE] [repeat=N] [warmup=N] [seed=N] [file=PATH] as T`: the lookup table of a space on a system.
struct ProfileCommand: Command {
    static let spec = CommandSpec(
        name: "profile", group: .performance, summary: "Time every op of a design space on both sides of a system",
        arguments: [
            .positional("system", .name, .value("pi-i7"), "a system value or preset name"),
            SpaceArgument.spec,
            .key("repeat", .integer, .value("10"), "timed runs per op and side"),
            .key("warmup", .integer, .value("2"), "untimed runs first"),
            .key("seed", .integer, .setting("seed"), "seed of the random weights and inputs"),
            .key("file", .path, .optional, "save the table to this HDF5 file; an existing one is loaded instead"),
            .resultName(.value("table"), "session name of the cost table"),
        ],
        examples: ["profile pi-i7 in s repeat=5 as t", "profile s in s file=out/t.h5 as t"],
        records: true,
        details: """
            Runs every (op, function, input width, output width) the space can produce — before and after the
            pool, and the head's layers — as the engine runs it: the real plan step on random inputs of the
            space's P points and k, timed by the side's dilation (device: thread CPU time × factor) on the virtual
            clock. Per op and side: warm-up runs, timed runs, outliers outside 1.5 IQR dropped, the rest averaged.
            Device energy per op = active power × time. `show T` lists every entry and the conditions (CPU,
            threads, repeats, GEMM library). The table is the LUT estimate's input and the GIN's node costs. With
            file= naming an existing table of the same system and space, that table is loaded, not re-measured.
            """)

    static func run(_ call: Invocation, in shell: Shell) throws {
        let system = try resolveSystem(call, argument: "system", in: shell)
        let space = try SpaceArgument.resolve(call, in: shell.session)
        let repeats = call.integer("repeat", default: 10)
        let warmup = call.integer("warmup", default: 2)
        guard (1...1000).contains(repeats) else { throw call.error("repeat=\(repeats): 1 to 1000", at: "repeat") }
        guard (0...1000).contains(warmup) else { throw call.error("warmup=\(warmup): 0 to 1000", at: "warmup") }
        let name = call.text("as") ?? "table"
        let path = call.text("file").map(shell.session.resolvePath)
        if let path, FileManager.default.fileExists(atPath: path) {
            let table = try CostTable.load(path)
            guard table.isProfiled(on: system, in: space) else {
                throw call.error(
                    "\(call.text("file") ?? path) holds a table of \(table.system.name) on space '\(table.spaceName)', "
                        + "not \(system.name) on '\(space.name)': delete it or choose another file", at: "file")
            }
            shell.session.define(name, table)
            shell.console.print("\(name): cost table \(table.summary) (loaded from \(call.text("file") ?? path))")
            return
        }
        let profiler = Profiler(system: system, space: space, repeats: repeats, warmup: warmup, seed: call.seed())
        let start = MonotonicClock.now()
        let table = try profiler.run(progress: shell.progress("profile"), cancellation: shell.cancellation)
        let seconds = MonotonicClock.now() - start
        if let path {
            try AtomicFile.createParentDirectory(of: path)
            try table.save(to: path)
        }
        shell.session.define(name, table)
        shell.console.print("\(name): cost table \(table.summary), profiled in " + SummaryText.duration(seconds))
    }

    /// The system `argument` names: a session value, else a preset.
    static func resolveSystem(_ call: Invocation, argument: String, in shell: Shell) throws -> System {
        let name = call.text(argument) ?? "pi-i7"
        if let value = shell.session.value(named: name) {
            guard let system = value as? System else {
                throw call.error("'\(name)' is \(value.kindName), not a system (make one with `system`)", at: argument)
            }
            return system
        }
        guard let preset = System.preset(name) else {
            throw call.error(
                "no system named '\(name)' (presets: \(System.presetNames.joined(separator: ", ")))", at: argument)
        }
        return preset
    }
}
