import CoInference
import Design
import Foundation
import Search
import Systems
import Tensor

/// `search SN on DATA cost=T latency<=30ms [energy<=50mJ] [bandwidths=10,40,100] ... as Z`: the constraint-based
/// search over the supernet's space, its zoo as a session value.
struct SearchCommand: Command {
    static let spec = CommandSpec(
        name: "search", group: .search, summary: "Search architectures with mappings under latency/energy budgets",
        arguments: sharedArguments + [
            .key("strategy", .choice(["evolutionary", "random"]), .value("evolutionary"), "refine, or sample only"),
            .key("seed", .integer, .setting("seed"), "seed of every random choice"),
            .key("checkpoint", .path, .optional, "file written after every generation (atomically)"),
            .key("resume", .path, .optional, "a checkpoint to continue (redoes no work)"),
            .key("measure", .integer, .value("3"), "timed engine requests per winner (0: predicted only)"),
            .resultName(.value("zoo"), "session name of the zoo"),
        ],
        examples: [
            "search sn on shapes cost=t latency<=30ms as z",
            "search sn on shapes cost=p latency<=30ms energy<=50mJ bandwidths=10,40 samples=50 generations=5 as z",
        ],
        records: true,
        details: """
            Draws architectures with their mappings from the supernet's space, predicts each one's latency and
            device energy per target bandwidth with cost= (a cost table: the LUT estimate; a predictor: the GIN
            latency, with its table's LUT energy), rejects those over a budget, scores the others with the
            supernet's inherited weights, and refines the best (strategy=evolutionary) or keeps sampling
            (strategy=random). `latency<=30ms` and `latency=30ms` are the same upper bound. Prints per target
            how many candidates each constraint rejected and the best design. Then each winner's weights are
            extracted from the supernet (BatchNorm recalibrated on train) and it runs in the engine on the system
            at its target's bandwidth (in-process edge, virtual clock, one warm-up then measure= requests of the
            test split): `show Z` prints predicted and measured latency and energy side by side and whether the
            budget holds by each; `plot Z` draws the front.
            """)

    static func run(_ call: Invocation, in shell: Shell) throws {
        let session = shell.session
        let setup = try Setup(call, in: shell)
        let (supernetName, data, space, cost, targets) = (
            setup.supernetName, setup.data, setup.space, setup.cost, setup.targets
        )
        var value = setup.supernet
        let options = try resolveOptions(call, seed: call.seed())
        var state: SearchState
        if let resume = call.text("resume").map(session.resolvePath) {
            state = try SearchState.load(from: resume)
            do {
                try state.checkResumable(space: space, targets: targets, options: options)
            } catch {
                throw call.error("\(error)", at: "resume")
            }
            if state.options.generations < options.generations {
                state = try state.extended(toGenerations: options.generations)
            }
        } else {
            do {
                state = try SearchState(space: space, targets: targets, options: options)
            } catch {
                throw call.error("\(error)")
            }
        }
        let checkpoint = (call.text("checkpoint") ?? call.text("resume")).map(session.resolvePath)
        if let checkpoint { try AtomicFile.createParentDirectory(of: checkpoint) }
        var accuracy = SupernetAccuracy(
            supernet: value.supernet, validation: data.evaluation, calibration: data.train, threads: shell.threads)
        defer {
            value.supernet = accuracy.supernet
            session.define(supernetName, value)
        }
        try state.run(
            cost: cost.evaluator, accuracy: &accuracy, checkpoint: checkpoint, progress: shell.progress("search"),
            cancellation: shell.cancellation)
        let zoo = Zoo(state, costModel: cost.evaluator.name, accuracyModel: accuracy.name)
        let name = call.text("as") ?? "zoo"
        shell.console.print(report(state, zoo: zoo, name: name))
        let requests = call.integer("measure", default: 3)
        guard (0...1000).contains(requests) else { throw call.error("measure=\(requests): 0 to 1000", at: "measure") }
        var result = ZooValue(
            zoo: zoo, systemName: cost.system.name, systemDescription: ZooValue.describe(cost.system),
            input: ZooInput(
                describing: data.train, classNames: data.classNames,
                augmentation: value.supernet.options.training.augmentation))
        let samples = DeviceLaunch.samples(data.evaluation, count: requests + 1)
        for member in zoo.members {
            try shell.cancellation.check()
            let model = try value.supernet.extract(member.architecture, calibration: data.train, threads: shell.threads)
            result.models[member.name] = model
            guard requests > 0 else { continue }
            let figures = try EngineFigures(
                model, system: cost.system, megabitsPerSecond: member.bandwidthMbps, samples: samples)
            let measured = CostEstimate(latencySeconds: figures.latency, deviceEnergyJoules: figures.energy)
            result.measured[member.name] = measured
            let holds = member.target.map { $0.violations(measured).isEmpty } ?? true
            shell.console.print(
                "  \(member.name): measured " + ZooValue.latencyText(figures.latency) + " (predicted "
                    + ZooValue.latencyText(member.cost.latencySeconds) + "), " + ZooValue.energyText(figures.energy)
                    + " (predicted " + ZooValue.energyText(member.cost.deviceEnergyJoules) + ") over "
                    + "\(figures.requests) requests; budget " + (holds ? "holds" : "missed"))
        }
        session.define(name, result)
    }

    /// Per target: candidates, rejections per constraint, survivors, the best design.
    static func report(_ state: SearchState, zoo: Zoo, name: String) -> String {
        var lines = [
            "\(name): \(state.counters.candidates) candidates, \(state.designs.count) distinct, "
                + "\(state.counters.costCalls) cost calls, \(state.counters.accuracyCalls) accuracy evaluations"
        ]
        for outcome in state.outcomes {
            let rejected = Constraint.allCases.filter { outcome.target.energyBudgetJoules != nil || $0 == .latency }
                .map { "\($0.rawValue) \(outcome.rejected[$0] ?? 0)" }.joined(separator: ", ")
            var line = "  \(outcome.target): rejected \(rejected); \(outcome.survivors) within budget"
            if let best = outcome.best, let score = state.designs[best].score {
                line +=
                    "; best " + state.designs[best].architecture.text + " ("
                    + NumberFormat.fixed(score.accuracy * 100, 1) + "%)"
            } else {
                line += "; no design within budget"
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// The cost model named by `cost=`, checked against the space.
    static func resolveCost(
        _ call: Invocation, space: DesignSpace, in shell: Shell
    ) throws -> (evaluator: any CostEvaluator, system: System) {
        let name = call.text("cost") ?? ""
        guard let value = shell.session.value(named: name) else {
            throw call.error(
                "no value named '\(name)'\(Suggestions.hint(for: name, in: shell.session.names))", at: "cost")
        }
        let table: CostTable
        let evaluator: any CostEvaluator
        if let predictor = value as? PredictorValue {
            table = predictor.table
            do {
                evaluator = try PredictorCost(latency: predictor.model, table: table, threads: shell.threads)
            } catch {
                throw call.error("\(error)", at: "cost")
            }
        } else if let lookup = value as? CostTable {
            table = lookup
            evaluator = LUTCost(table: table)
        } else {
            throw call.error("'\(name)' is \(value.kindName), expected a cost table or a predictor", at: "cost")
        }
        guard table.spaceName == space.name, table.points == space.pointsPerCloud, table.k == space.k else {
            throw call.error(
                "the cost table profiles space '\(table.spaceName)' (P \(table.points), k \(table.k)), the "
                    + "supernet's is '\(space.name)' (P \(space.pointsPerCloud), k \(space.k)): profile its space",
                at: "cost")
        }
        return (evaluator, table.system)
    }

    /// One target per bandwidth with the latency (and energy) budget.
    static func resolveTargets(_ call: Invocation) throws -> [SearchTarget] {
        guard let latency = call["latency"]?.doubleValue, latency > 0 else {
            throw call.error("the latency budget must be above 0 (latency<=30ms)", at: "latency")
        }
        var energy: Double?
        if let text = call.text("energy") {
            guard let joules = Units.parse(text, units: energyUnits), joules > 0 else {
                throw call.error("'\(text)' is not an energy (e.g. 50mJ, 0.2J)", at: "energy")
            }
            energy = joules
        }
        let bandwidths = try MeasureCommand.parseBandwidths(call.text("bandwidths") ?? "10,40,100", call: call)
        return SearchTarget.grid(latencyBudgetSeconds: latency, energyBudgetJoules: energy, bandwidthsMbps: bandwidths)
    }

    /// Energy units (lowercase, as `Units.parse` compares) and their size in joules.
    static let energyUnits: [(String, Double)] = [("kj", 1e3), ("j", 1), ("mj", 1e-3), ("uj", 1e-6)]

    /// The counts, the strategy (evolutionary when the command has no `strategy=`) and `seed`.
    static func resolveOptions(_ call: Invocation, seed: UInt64) throws -> SearchOptions {
        let options = SearchOptions(
            samples: call.integer("samples", default: 100), generations: call.integer("generations", default: 10),
            children: call.integer("children", default: 20),
            strategy: SearchStrategy(rawValue: call.text("strategy") ?? "") ?? .evolutionary, seed: seed)
        do {
            try options.validate()
        } catch {
            throw call.error("\(error)")
        }
        return options
    }
}
