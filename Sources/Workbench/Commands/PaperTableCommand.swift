import Foundation
import Design
import Systems
import Tensor

/// `paper table on DATA [in SPACE] [systems=pi-i7,tx2-i7] [bandwidths=10,40,100] ... as T`: GCoDE's headline
/// table measured in the engine (`PaperTable.run`).
struct PaperTableCommand: Command {
    static let spec = CommandSpec(
        name: "paper table", group: .search,
        summary: "Measure GCoDE's headline table: baselines, best splits and the searched design",
        arguments: [
            ArgumentSpec("on", .marked("on"), .name, .required, "point-cloud splits: trains on train, tests on test"),
            ArgumentSpec(
                "in", .marked("in"), .name, .optional,
                "the design space (the paper's, with the data's points and classes, if left out)"),
            .key("systems", .text, .value("pi-i7,tx2-i7"), "system values or presets, comma-separated"),
            .key("bandwidths", .text, .value("10,40,100"), "link bandwidths in Mbit/s"),
            .key("seeds", .integer, .value("3"), "training seeds of every model (seed, seed+1, ...)"),
            .key("epochs", .integer, .value("10"), "epochs of DGCNN, PointNet and each retrained design"),
            .key("batch", .integer, .value("16"), "clouds per training step"),
            .key("lr", .number, .value("0.001"), "Adam's initial learning rate (cosine to 1/100)"),
            .key("supernet", .integer, .value("10"), "epochs of the supernet"),
            .key(
                "budget", .text, .value("45x"),
                "latency budgets, comma-separated: NNx (DGCNN device-only / NN per system) or a duration (30ms)"),
            .key("samples", .integer, .value("60"), "search candidates in generation 0"),
            .key("generations", .integer, .value("4"), "search generations after generation 0"),
            .key("children", .integer, .value("20"), "search candidates per later generation"),
            .key("requests", .integer, .value("10"), "timed engine requests per row (after one warm-up)"),
            .key("profiles", .path, .optional, "folder of cost tables: SYSTEM-pP-kK-cC.h5 loaded, else profiled there"),
            .key("repeat", .integer, .value("3"), "timed runs per op when a system is profiled"),
            .key(
                "validation", .number, .value("0.25"),
                "share of each class's training clouds held out to score the search (the supernet trains on the rest)"),
            .key("seed", .integer, .setting("seed"), "seed of the search, the supernet and the first training run"),
            .key("report", .path, .optional, "also write the Markdown table to this file (atomically)"),
            .resultName(.value("table"), "session name of the table"),
        ],
        examples: [
            "paper table on shapes profiles=out/profiles report=out/paper-table.md as t",
            "paper table on toy in s systems=pi-i7 bandwidths=10 seeds=2 epochs=1 supernet=1 requests=3 as t",
        ],
        records: true,
        details: """
            Trains DGCNN (k of the space) and PointNet with every seed on the same budget; runs each one's every
            split point in the engine on every system and bandwidth (in-process edge, virtual clock, one warm-up
            then requests= timed requests of the test split): device-only, edge-only and the best single split
            (lowest median). Trains one supernet, then per system loads or profiles the cost table, searches
            under the budget (LUT cost, inherited-weight accuracy) at every bandwidth, retrains each best design
            from scratch with every seed and measures it the same way. Prints a line per step; `show T` prints
            the Markdown table: accuracy mean ± std over the seeds (and the inherited accuracy), median latency
            with its device / uplink / edge / downlink medians, device energy, and the speed-up and energy
            reduction against DGCNN device-only on the same system and bandwidth; then per system the search's
            budget and wall time, and the goal check (≥ 45×, ≥ 98.5 %, ≤ 1 point lost).
            """)

    static func run(_ call: Invocation, in shell: Shell) throws {
        let data = try TrainingData.resolve(call, argument: "on", in: shell.session)
        guard let test = data.test else {
            throw call.error("the table needs a test split: give point-cloud splits (make shapes)", at: "on")
        }
        let space = try resolveSpace(call, data: data, in: shell)
        let systems = try resolveSystems(call, in: shell)
        let bandwidths = try MeasureCommand.parseBandwidths(call.text("bandwidths") ?? "10,40,100", call: call)
        let budgets = try resolveBudgets(call)
        var files: [String: String] = [:]
        if let folder = call.text("profiles").map(shell.session.resolvePath) {
            for system in systems {
                files[system.name] =
                    folder + "/\(system.name)-p\(space.pointsPerCloud)-k\(space.k)-c\(space.classes).h5"
            }
        }
        let settings = PaperTableSettings(
            space: space, systems: systems, bandwidths: bandwidths, seeds: call.integer("seeds"),
            epochs: call.integer("epochs"), batch: call.integer("batch"), learningRate: call.number("lr"),
            supernetEpochs: call.integer("supernet"), budgets: budgets, samples: call.integer("samples"),
            generations: call.integer("generations"), children: call.integer("children"),
            requests: call.integer("requests"), seed: call.seed(), profileFiles: files,
            profileRepeats: call.integer("repeat"), validationFraction: call.number("validation"))
        if let problem = settings.problem { throw call.error(problem) }
        guard (1...1000).contains(settings.profileRepeats) else {
            throw call.error("repeat=\(settings.profileRepeats): 1 to 1000", at: "repeat")
        }
        let console = shell.console
        let reporter = PaperTable.Reporter(
            line: { console.print($0) }, progress: { shell.progress($0) }, cancellation: shell.cancellation)
        let table: PaperTable
        do {
            table = try PaperTable.run(
                train: data.train, test: test, classNames: data.classNames, settings: settings,
                threads: shell.threads, reporter: reporter)
        } catch let error as PaperTableError {
            throw call.error(error.description)
        }
        let name = call.text("as") ?? "table"
        shell.session.define(name, table)
        if let report = call.text("report").map(shell.session.resolvePath) {
            try AtomicFile.createParentDirectory(of: report)
            try AtomicFile.write(table.markdown + "\n", to: report)
        }
        console.print("\(name): \(table.kindName), \(table.summary)")
    }

    /// The space `in` names, else the paper's with the data's points and classes.
    static func resolveSpace(_ call: Invocation, data: TrainingData, in shell: Shell) throws -> DesignSpace {
        if call["in"] != nil { return try SpaceArgument.resolve(call, in: shell.session) }
        var space = DesignSpace.paper
        do {
            if space.pointsPerCloud != data.train.pointsPerCloud {
                try space.set("points", to: "\(data.train.pointsPerCloud)")
            }
            if space.classes != data.classCount { try space.set("classes", to: "\(data.classCount)") }
        } catch {
            throw call.error("the paper space cannot take this data: \(error)", at: "on")
        }
        return space
    }

    /// The systems of `systems=`: session values or presets, distinct names.
    static func resolveSystems(_ call: Invocation, in shell: Shell) throws -> [System] {
        let names = (call.text("systems") ?? "").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard !names.isEmpty, !names.contains(where: \.isEmpty) else {
            throw call.error("name systems separated by commas (systems=pi-i7,tx2-i7)", at: "systems")
        }
        var systems: [System] = []
        for name in names {
            let system: System
            if let value = shell.session.value(named: name) {
                guard let found = value as? System else {
                    throw call.error("'\(name)' is \(value.kindName), not a system", at: "systems")
                }
                system = found
            } else if let preset = System.preset(name) {
                system = preset
            } else {
                throw call.error(
                    "no system named '\(name)' (presets: \(System.presetNames.joined(separator: ", ")))", at: "systems")
            }
            guard !systems.contains(where: { $0.name == system.name }) else {
                throw call.error("system '\(system.name)' is named twice", at: "systems")
            }
            systems.append(system)
        }
        return systems
    }

    /// Comma-separated budgets: `45x` (DGCNN device-only / 45) or a duration (`30ms`).
    static func resolveBudgets(_ call: Invocation) throws -> [PaperTableSettings.Budget] {
        try (call.text("budget") ?? "45x").split(separator: ",", omittingEmptySubsequences: false).map {
            try resolveBudget(String($0).trimmingCharacters(in: .whitespaces), call: call)
        }
    }

    /// One budget: `45x` or a duration.
    static func resolveBudget(_ text: String, call: Invocation) throws -> PaperTableSettings.Budget {
        if text.lowercased().hasSuffix("x"), let factor = Double(text.dropLast()), factor > 0 {
            return .speedup(factor)
        }
        if let seconds = Units.parse(text, units: Units.durations), seconds > 0 { return .seconds(seconds) }
        throw call.error(
            "'\(text)' is not a budget: a speed-up over DGCNN device-only (45x) or a duration (30ms)", at: "budget")
    }
}
