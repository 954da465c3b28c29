import Design
import Tensor

/// A constraint-based search in progress: everything needed to continue it (SPEC.md §5).
///
/// Generation 0 samples valid architectures uniformly with their mappings; each candidate's cost is
/// predicted at every target's bandwidth (once per distinct bandwidth), candidates over every target's
/// budget are rejected (counted per constraint), and the rest are scored by the accuracy evaluator.
/// Later generations refine the best survivors (see `SearchOptions`). A candidate drawn again costs no
/// evaluator call. The whole search is sequential and every random choice comes from `generator`, so the
/// same seed, space, targets and evaluators give the same designs whatever thread budget the evaluators
/// use (as long as their results do not depend on it). A value: `save(to:)` + `load(from:)` and continuing
/// gives exactly the uninterrupted run.
public struct SearchState: Sendable {
    /// The design space searched.
    public let space: DesignSpace
    /// The (budget, bandwidth) pairs, each of which gets a best design.
    public let targets: [SearchTarget]
    /// The search's settings.
    public let options: SearchOptions
    /// The random stream; it continues across generations and checkpoints.
    public internal(set) var generator: SeededGenerator
    /// The generation to run next (0 before the random sampling; `options.generations + 1` when finished).
    public internal(set) var nextGeneration: Int
    /// Every distinct candidate evaluated, in the order evaluated.
    public internal(set) var designs: [EvaluatedDesign]
    /// The evaluator calls and candidates so far.
    public internal(set) var counters: SearchCounters
    /// The index in `designs` of each architecture evaluated.
    var index: [Architecture: Int]
    /// The uniform sampler of `space`.
    let sampler: ArchitectureSampler

    /// A search that has not started; throws when the space, the targets or the options are unusable.
    public init(space: DesignSpace, targets: [SearchTarget], options: SearchOptions) throws {
        try options.validate()
        guard !targets.isEmpty else { throw SearchError.invalidOption(detail: "give at least one target") }
        guard Set(targets).count == targets.count else {
            throw SearchError.invalidOption(detail: "a target is given twice: give each (budget, bandwidth) once")
        }
        for target in targets {
            guard target.bandwidthMbps > 0, target.latencyBudgetSeconds > 0,
                (target.energyBudgetJoules ?? 1) > 0
            else {
                throw SearchError.invalidOption(
                    detail: "target \(target): budgets and bandwidth must be positive")
            }
        }
        try self.init(
            space: space, targets: targets, options: options, generator: SeededGenerator(seed: options.seed),
            nextGeneration: 0, designs: [], counters: SearchCounters())
    }

    /// A search from all of its parts (used by `load`).
    init(
        space: DesignSpace, targets: [SearchTarget], options: SearchOptions, generator: SeededGenerator,
        nextGeneration: Int, designs: [EvaluatedDesign], counters: SearchCounters
    ) throws {
        self.space = space
        self.targets = targets
        self.options = options
        self.generator = generator
        self.nextGeneration = nextGeneration
        self.designs = designs
        self.counters = counters
        self.sampler = try ArchitectureSampler(space: space)
        var index: [Architecture: Int] = [:]
        for (i, design) in designs.enumerated() { index[design.architecture] = i }
        self.index = index
    }

    /// Whether every generation has run.
    public var isFinished: Bool { nextGeneration > options.generations }

    /// Runs the remaining generations (or only until `stopBefore` generations have completed), writing
    /// `checkpoint` atomically after each. Progress counts candidates drawn of `options.candidateBudget`,
    /// its note names the best so far per bandwidth. Cancelled between candidates it throws
    /// `CancellationError` and the state stays at the last completed generation.
    public mutating func run<Cost: CostEvaluator, Accuracy: AccuracyEvaluator>(
        cost: Cost, accuracy: inout Accuracy, checkpoint: String? = nil, stopBefore: Int? = nil,
        progress: Progress = .silent, cancellation: Cancellation = .never
    ) throws {
        while !isFinished {
            if let stopBefore, nextGeneration >= stopBefore { return }
            try runGeneration(cost: cost, accuracy: &accuracy, progress: progress, cancellation: cancellation)
            if let checkpoint { try save(to: checkpoint) }
        }
    }

    /// Runs the next generation; on any error (cancellation included) the state is unchanged.
    public mutating func runGeneration<Cost: CostEvaluator, Accuracy: AccuracyEvaluator>(
        cost: Cost, accuracy: inout Accuracy, progress: Progress = .silent, cancellation: Cancellation = .never
    ) throws {
        guard !isFinished else { return }
        var next = self
        let generation = nextGeneration
        let count = generation == 0 ? options.samples : options.children
        let parents = generation == 0 || options.strategy == .random ? [] : parentIndices()
        for _ in 0..<count {
            try cancellation.check()
            let candidate = next.draw(parents: parents)
            next.counters.candidates += 1
            if next.index[candidate] == nil {
                try next.evaluate(
                    candidate, generation: generation, cost: cost, accuracy: &accuracy, cancellation: cancellation)
            }
            progress.report(next.counters.candidates, of: options.candidateBudget, note: next.bestNote)
        }
        next.nextGeneration += 1
        self = next
    }

    /// Predicts `architecture`'s cost per distinct bandwidth, scores it when some target's budget holds,
    /// and records it.
    mutating func evaluate<Cost: CostEvaluator, Accuracy: AccuracyEvaluator>(
        _ architecture: Architecture, generation: Int, cost: Cost, accuracy: inout Accuracy, cancellation: Cancellation
    ) throws {
        let mapping = try architecture.mapping(in: space)
        var byBandwidth: [Double: CostEstimate] = [:]
        var costs: [CostEstimate] = []
        for target in targets {
            if let known = byBandwidth[target.bandwidthMbps] {
                costs.append(known)
                continue
            }
            let estimate: CostEstimate
            do {
                estimate = try cost.cost(of: mapping, bandwidthMbps: target.bandwidthMbps)
            } catch {
                throw SearchError.evaluation(architecture: architecture.text, detail: "\(cost.name): \(error)")
            }
            counters.costCalls += 1
            byBandwidth[target.bandwidthMbps] = estimate
            costs.append(estimate)
        }
        var score: ArchitectureScore?
        if zip(targets, costs).contains(where: { $0.violations($1).isEmpty }) {
            do {
                score = try accuracy.score(architecture, cancellation: cancellation)
            } catch let error as CancellationError {
                throw error
            } catch {
                throw SearchError.evaluation(architecture: architecture.text, detail: "\(accuracy.name): \(error)")
            }
            counters.accuracyCalls += 1
        }
        index[architecture] = designs.count
        designs.append(
            EvaluatedDesign(
                architecture: architecture, generation: generation, costs: costs, score: score, foundAt: counters))
    }
}

extension SearchState: Equatable {
    /// Two states are equal when they will continue identically: same space, targets, options, random
    /// stream, generation, designs (bit for bit) and counters.
    public static func == (lhs: SearchState, rhs: SearchState) -> Bool {
        lhs.space == rhs.space && lhs.targets == rhs.targets && lhs.options == rhs.options
            && lhs.generator == rhs.generator && lhs.nextGeneration == rhs.nextGeneration && lhs.designs == rhs.designs
            && lhs.counters == rhs.counters
    }
}
