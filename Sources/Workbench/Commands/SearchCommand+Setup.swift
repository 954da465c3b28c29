import Design
import Search
import Systems

extension SearchCommand {
    /// The arguments `search` shares with `search compare`: the supernet, the data, the cost model, the
    /// budgets, the bandwidths and the candidate counts.
    static let sharedArguments: [ArgumentSpec] = [
        .positional("supernet", .name, "a trained supernet (its space is searched, its weights score)"),
        ArgumentSpec("on", .marked("on"), .name, .required, "splits: BatchNorm recalibrates on train, scores on test"),
        .key("cost", .name, .required, "a cost table (LUT estimate) or a predictor (GIN) of the system"),
        .key("system", .name, .optional, "the system (must be the cost table's; the table's if left out)"),
        .key("latency", .duration, .required, "latency budget per sample, an upper bound (latency<=30ms)"),
        .key("energy", .text, .optional, "device energy budget per sample, an upper bound (energy<=50mJ)"),
        .key("bandwidths", .text, .value("10,40,100"), "link bandwidths in Mbit/s, one target each"),
        .key("samples", .integer, .value("100"), "candidates drawn uniformly in generation 0"),
        .key("generations", .integer, .value("10"), "generations after generation 0"),
        .key("children", .integer, .value("20"), "candidates per later generation"),
    ]

    /// What the shared arguments resolve to.
    struct Setup {
        /// The session name of the supernet.
        var supernetName: String
        /// The supernet.
        var supernet: SupernetValue
        /// The splits: BatchNorm recalibrates on `train`, candidates are scored on `evaluation`.
        var data: TrainingData
        /// The space searched (the supernet's).
        var space: DesignSpace
        /// The cost evaluator and the system it was profiled on.
        var cost: (evaluator: any CostEvaluator, system: System)
        /// One target per bandwidth.
        var targets: [SearchTarget]

        /// Resolves the shared arguments of `call`; errors point at the argument at fault.
        init(_ call: Invocation, in shell: Shell) throws {
            supernetName = call.text("supernet") ?? ""
            supernet = try shell.session.value(supernetName, as: SupernetValue.self, for: call, argument: "supernet")
            data = try TrainingData.resolve(call, argument: "on", in: shell.session)
            space = supernet.supernet.space
            cost = try resolveCost(call, space: space, in: shell)
            if let systemName = call.text("system") {
                let system = try ProfileCommand.resolveSystem(call, argument: "system", in: shell)
                guard system.name == cost.system.name, system.device.factor == cost.system.device.factor else {
                    throw call.error(
                        "'\(systemName)' is \(system.name), the cost table was profiled on \(cost.system.name)",
                        at: "system")
                }
            }
            targets = try resolveTargets(call)
        }
    }
}
