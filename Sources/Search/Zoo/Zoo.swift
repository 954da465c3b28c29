import Design

/// One design of a zoo: an architecture with its mapping, its predicted cost at one bandwidth and its score.
///
/// Weights are not held yet: the engine and retraining add a model per member later (the file keeps a
/// `members/NAME/` group for it).
public struct ZooMember: Sendable, Equatable {
    /// The member's name, unique in the zoo: the target's name (`lat30ms_bw10`, with `_INDEX` of the target
    /// appended when two budgets round to the same name) for a best design, or
    /// `front_bw10_3` for the fourth front point at 10 Mbit/s.
    public var name: String
    /// The architecture (valid in the zoo's space).
    public var architecture: Architecture
    /// The target it was chosen for (budgets and bandwidth); front points carry their bandwidth and no budget.
    public var target: SearchTarget?
    /// The bandwidth its cost was predicted at, Mbit/s.
    public var bandwidthMbps: Double
    /// Its predicted cost at that bandwidth.
    public var cost: CostEstimate
    /// Its inherited-weight score.
    public var score: ArchitectureScore

    /// A member with every field given.
    public init(
        name: String, architecture: Architecture, target: SearchTarget?, bandwidthMbps: Double, cost: CostEstimate,
        score: ArchitectureScore
    ) {
        self.name = name
        self.architecture = architecture
        self.target = target
        self.bandwidthMbps = bandwidthMbps
        self.cost = cost
        self.score = score
    }

    /// The device/edge pattern (`D`, `E`, `DE`, `ED`, `DED`).
    public var mode: Mode? { architecture.mode }
}

/// The result of a search: the best design per (budget, bandwidth), and per bandwidth the Pareto front of
/// accuracy × predicted latency over every scored design (SPEC.md §5).
public struct Zoo: Sendable, Equatable {
    /// The space the architectures belong to.
    public var space: DesignSpace
    /// The best design per target, in the order of the search's targets (a target without survivor has none).
    public var members: [ZooMember]
    /// The Pareto front per bandwidth, concatenated in the order of first appearance of the bandwidths,
    /// each ordered by latency.
    public var front: [ZooMember]
    /// The cost evaluator's name (what "predicted" means).
    public var costModel: String
    /// The accuracy evaluator's name.
    public var accuracyModel: String

    /// A zoo with every field given.
    public init(
        space: DesignSpace, members: [ZooMember], front: [ZooMember], costModel: String, accuracyModel: String
    ) {
        self.space = space
        self.members = members
        self.front = front
        self.costModel = costModel
        self.accuracyModel = accuracyModel
    }

    /// The zoo of a search: its best design per target, and the front per bandwidth over every scored
    /// design (costs at that bandwidth, accuracy as the score's overall accuracy).
    public init(_ state: SearchState, costModel: String, accuracyModel: String) {
        var members: [ZooMember] = []
        for (t, outcome) in state.outcomes.enumerated() {
            guard let best = outcome.best, let score = state.designs[best].score else { continue }
            let name = outcome.target.name
            members.append(
                ZooMember(
                    name: members.contains { $0.name == name } ? name + "_\(t)" : name,
                    architecture: state.designs[best].architecture, target: outcome.target,
                    bandwidthMbps: outcome.target.bandwidthMbps, cost: state.designs[best].costs[t], score: score))
        }
        var front: [ZooMember] = []
        var seen: Set<Double> = []
        for (t, target) in state.targets.enumerated() where seen.insert(target.bandwidthMbps).inserted {
            let scored = state.designs.filter { $0.score != nil }
            let order = ParetoFront.indices(
                accuracy: scored.map { $0.score?.accuracy ?? .nan }, latency: scored.map { $0.costs[t].latencySeconds })
            for (rank, i) in order.enumerated() {
                guard let score = scored[i].score else { continue }
                front.append(
                    ZooMember(
                        name: "front_bw" + SearchTarget.compact(target.bandwidthMbps) + "_\(rank)",
                        architecture: scored[i].architecture, target: nil, bandwidthMbps: target.bandwidthMbps,
                        cost: scored[i].costs[t], score: score))
            }
        }
        self.init(
            space: state.space, members: members, front: front, costModel: costModel, accuracyModel: accuracyModel)
    }
}
