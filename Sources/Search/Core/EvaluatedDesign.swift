import Design

/// One candidate the search looked at: its predicted cost per target and, when it met at least one
/// target's budget, its accuracy score.
public struct EvaluatedDesign: Sendable, Equatable {
    /// The architecture (valid in the search's space).
    public var architecture: Architecture
    /// The generation that first drew it (0 = the random sampling).
    public var generation: Int
    /// Its predicted cost at each target's bandwidth, in the order of the search's targets.
    public var costs: [CostEstimate]
    /// Its inherited-weight score; nil when every target rejected it (it was never scored).
    public var score: ArchitectureScore?
    /// The search's counters right after this design was evaluated (what it took to reach it).
    public var foundAt: SearchCounters

    /// A record of `architecture` first drawn in `generation`, evaluated when the counters were `foundAt`.
    public init(
        architecture: Architecture, generation: Int, costs: [CostEstimate], score: ArchitectureScore?,
        foundAt: SearchCounters
    ) {
        self.architecture = architecture
        self.generation = generation
        self.costs = costs
        self.score = score
        self.foundAt = foundAt
    }

    /// The device/edge pattern.
    public var mode: Mode? { architecture.mode }
}

/// How many times the evaluators were called so far.
public struct SearchCounters: Sendable, Hashable {
    /// Calls of the cost evaluator (one per architecture and distinct bandwidth).
    public var costCalls: Int
    /// Calls of the accuracy evaluator (one per architecture within at least one budget).
    public var accuracyCalls: Int
    /// Candidates drawn (duplicates included: a duplicate costs no call).
    public var candidates: Int

    /// Counters starting at the given values.
    public init(costCalls: Int = 0, accuracyCalls: Int = 0, candidates: Int = 0) {
        self.costCalls = costCalls
        self.accuracyCalls = accuracyCalls
        self.candidates = candidates
    }
}

/// What the search knows about one target so far.
public struct TargetOutcome: Sendable, Equatable {
    /// The target.
    public var target: SearchTarget
    /// Candidates rejected by each constraint (a candidate over both budgets counts in both).
    public var rejected: [Constraint: Int]
    /// Candidates within the budget.
    public var survivors: Int
    /// The index in `SearchState.designs` of the best survivor, or nil when none survived.
    public var best: Int?
    /// The counters at the moment the current best was first evaluated ("calls to reach it").
    public var bestFoundAt: SearchCounters?
}
