import Design
import Search
import Systems

/// A search's zoo in the session, with the system it was searched for and the engine's measurement of
/// each member (by member name) when one was made.
public struct ZooValue: Sendable {
    /// The best design per target and the Pareto front.
    public var zoo: Zoo
    /// The system's name (the cost table's).
    public var systemName: String
    /// The members' end-to-end latency and device energy measured in the engine, by member name.
    public var measured: [String: CostEstimate]
    /// The members' weights extracted from the supernet (BatchNorm recalibrated), or retrained, by member name.
    public var models: [String: ArchitectureModel]
    /// The system's device, edge and link, in words (empty when unknown).
    public var systemDescription: String
    /// What the models expect as input (class names, layout, training-cloud statistics).
    public var input: ZooInput
    /// How members were retrained (`zoo retrain`), by member name.
    public var retrained: [String: ZooRetraining]

    /// A value from its parts.
    public init(
        zoo: Zoo, systemName: String, measured: [String: CostEstimate] = [:],
        models: [String: ArchitectureModel] = [:], systemDescription: String = "", input: ZooInput = ZooInput(),
        retrained: [String: ZooRetraining] = [:]
    ) {
        self.zoo = zoo
        self.systemName = systemName
        self.measured = measured
        self.models = models
        self.systemDescription = systemDescription
        self.input = input
        self.retrained = retrained
    }

    /// The value of a zoo file's zoo and weights.
    public init(zoo: Zoo, weights: ZooWeights) {
        self.init(
            zoo: zoo, systemName: weights.systemName, measured: weights.measured, models: weights.models,
            systemDescription: weights.systemDescription, input: weights.input, retrained: weights.retrained)
    }

    /// What the zoo file holds beside the zoo.
    public var weights: ZooWeights {
        ZooWeights(
            systemName: systemName, measured: measured, models: models, systemDescription: systemDescription,
            input: input, retrained: retrained)
    }

    /// `device pi4 ×10 (1 thread), edge i7 ×1 (4 threads), link 5 ms one way`.
    static func describe(_ system: System) -> String {
        "device \(system.device.name) ×\(Value.format(system.device.factor)) ("
            + NumberFormat.count(system.device.threads, "thread") + "), edge \(system.edge.name) ×"
            + "\(Value.format(system.edge.factor)) (" + NumberFormat.count(system.edge.threads, "thread")
            + "), link \(Value.format(system.link.delay * 1e3)) ms one way"
    }
}

extension ZooValue {
    /// Seconds as milliseconds with three decimals (`0.254 ms`): budgets are often below a millisecond.
    static func latencyText(_ seconds: Double) -> String { NumberFormat.fixed(seconds * 1e3, 3) + " ms" }

    /// Joules as millijoules with three decimals (`2.034 mJ`).
    static func energyText(_ joules: Double) -> String { NumberFormat.fixed(joules * 1e3, 3) + " mJ" }
}

extension ZooValue: NamedValue {
    /// "zoo".
    public static var kindName: String { "zoo" }

    /// The same zoo, system and measurements, and members with the same architectures and weights.
    public func isSame(as other: any NamedValue) -> Bool {
        guard let other = other as? ZooValue, zoo == other.zoo, systemName == other.systemName,
            measured == other.measured, models.keys == other.models.keys, input == other.input,
            retrained == other.retrained, systemDescription == other.systemDescription
        else { return false }
        return models.allSatisfy { name, model in
            other.models[name].map { $0.architecture == model.architecture && $0.store == model.store } ?? false
        }
    }

    /// `2 members, front of 5 on pi-i7 (lut(pi-i7, space s))`.
    public var summary: String {
        "\(zoo.members.count) members, front of \(zoo.front.count) on \(systemName) (\(zoo.costModel))"
    }

    /// The models, the system and the input, then a table: target, architecture, mode, predicted and measured
    /// latency and energy, inherited-weight and retrained accuracy, whether each budget holds; then how
    /// retrained members were retrained.
    public var details: String {
        let rows = zoo.members.map { member -> [String] in
            let measure = measured[member.name]
            let holds = member.target.map { $0.violations(member.cost).isEmpty ? "yes" : "no" } ?? ""
            let holdsMeasured = measure.flatMap { m in member.target.map { $0.violations(m).isEmpty ? "yes" : "no" } }
            return [
                member.target?.description ?? member.name, member.architecture.text, member.mode?.rawValue ?? "",
                ZooValue.latencyText(member.cost.latencySeconds),
                measure.map { ZooValue.latencyText($0.latencySeconds) } ?? "-",
                ZooValue.energyText(member.cost.deviceEnergyJoules),
                measure.map { ZooValue.energyText($0.deviceEnergyJoules) } ?? "-",
                NumberFormat.fixed(member.score.accuracy * 100, 1) + "%",
                retrained[member.name].map { NumberFormat.fixed($0.accuracy * 100, 1) + "%" } ?? "-", holds,
                holdsMeasured ?? "-",
            ]
        }
        let table = Table(
            header: [
                "target", "architecture", "mode", "latency pred", "latency meas", "energy pred", "energy meas",
                "acc inherited", "acc retrained", "holds pred", "holds meas",
            ], rows: rows)
        let classes = input.classNames.isEmpty ? "unnamed" : input.classNames.joined(separator: ", ")
        var lines = [
            "  cost model \(zoo.costModel); accuracy \(zoo.accuracyModel); batch 1; measured: engine, virtual clock",
            "  system \(systemName)" + (systemDescription.isEmpty ? "" : ": " + systemDescription),
            "  input: \(zoo.space.pointsPerCloud) points × xyz as stored (no transform), k \(zoo.space.k); classes: "
                + classes,
            table.text,
        ]
        for member in zoo.members {
            guard let record = retrained[member.name] else { continue }
            lines.append(
                "  \(member.name) retrained (\(record.recipe)): accuracy "
                    + NumberFormat.fixed(record.accuracy * 100, 1) + "% (inherited "
                    + NumberFormat.fixed(member.score.accuracy * 100, 1) + "%)")
        }
        return lines.joined(separator: "\n")
    }
}
