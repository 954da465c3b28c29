import Design
import Tensor

extension SearchState {
    /// The counters right after the first design within target `t`'s budget that ranks at least as well
    /// as `score` was evaluated, or nil when no design does.
    public func countersToReach(_ score: ArchitectureScore, target t: Int) -> SearchCounters? {
        for design in designs {
            guard let own = design.score, targets[t].violations(design.costs[t]).isEmpty else { continue }
            if !options.ranking.isBetter(score, than: own) { return design.foundAt }
        }
        return nil
    }
}

/// Evolutionary refinement against the paper's random search with the same candidate budget: for every
/// seed and target, the evaluator calls each strategy needed to reach the same best design (the worse of
/// the two final bests, so both reach it).
public struct StrategyComparison: Sendable {
    /// One seed and target.
    public struct Row: Sendable, Equatable {
        /// The seed of both searches.
        public var seed: UInt64
        /// The target's index in the searches' targets.
        public var target: Int
        /// The common level: the worse of the two final best scores.
        public var level: ArchitectureScore
        /// The evolutionary search's counters when it reached the level.
        public var evolutionary: SearchCounters
        /// The random search's counters when it reached the level.
        public var random: SearchCounters
        /// Each strategy's final best score.
        public var finalBest: (evolutionary: ArchitectureScore, random: ArchitectureScore)

        /// Rows are equal when every field is.
        public static func == (lhs: Row, rhs: Row) -> Bool {
            lhs.seed == rhs.seed && lhs.target == rhs.target && lhs.level == rhs.level
                && lhs.evolutionary == rhs.evolutionary && lhs.random == rhs.random
                && lhs.finalBest.evolutionary == rhs.finalBest.evolutionary
                && lhs.finalBest.random == rhs.finalBest.random
        }
    }

    /// The wall time of one seed's two searches.
    public struct Timing: Sendable, Equatable {
        /// The seed.
        public var seed: UInt64
        /// Seconds the evolutionary search took (cost and accuracy evaluations included).
        public var evolutionary: Double
        /// Seconds the random search took.
        public var random: Double
    }

    /// The rows, seed-major; a (seed, target) where a strategy found no survivor has no row.
    public var rows: [Row]
    /// The seeds, in the order run.
    public var seeds: [UInt64]
    /// The wall time of each seed's searches, in the order of `seeds`.
    public var timings: [Timing]

    /// Runs both strategies with `options` (its strategy and seed replaced) for every seed in `seeds`,
    /// with a fresh accuracy evaluator from `makeAccuracy` per search. Progress counts candidates over all
    /// `2 × seeds.count` searches; its note names the seed and strategy running.
    public init<Cost: CostEvaluator, Accuracy: AccuracyEvaluator>(
        space: DesignSpace, targets: [SearchTarget], options: SearchOptions, seeds: [UInt64], cost: Cost,
        makeAccuracy: () throws -> Accuracy, progress: Progress = .silent, cancellation: Cancellation = .never
    ) throws {
        var rows: [Row] = []
        var timings: [Timing] = []
        let budget = options.candidateBudget
        let total = 2 * seeds.count * budget
        let clock = ContinuousClock()
        for (s, seed) in seeds.enumerated() {
            var states: [SearchState] = []
            var seconds: [Double] = []
            for (k, strategy) in [SearchStrategy.evolutionary, .random].enumerated() {
                var chosen = options
                chosen.strategy = strategy
                chosen.seed = seed
                var state = try SearchState(space: space, targets: targets, options: chosen)
                var accuracy = try makeAccuracy()
                let before = (2 * s + k) * budget
                let label = "seed \(seed) (\(s + 1)/\(seeds.count)) \(strategy.rawValue)"
                let inner = Progress { done, _, note in
                    progress.report(before + done, of: total, note: note.isEmpty ? label : "\(label): \(note)")
                }
                let start = clock.now
                try state.run(cost: cost, accuracy: &accuracy, progress: inner, cancellation: cancellation)
                let elapsed = start.duration(to: clock.now)
                seconds.append(
                    Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
                states.append(state)
            }
            timings.append(Timing(seed: seed, evolutionary: seconds[0], random: seconds[1]))
            let (evolved, random) = (states[0], states[1])
            for (t, (a, b)) in zip(evolved.outcomes, random.outcomes).enumerated() {
                guard let ia = a.best, let ib = b.best, let sa = evolved.designs[ia].score,
                    let sb = random.designs[ib].score
                else { continue }
                let level = options.ranking.isBetter(sa, than: sb) ? sb : sa
                guard let ca = evolved.countersToReach(level, target: t),
                    let cb = random.countersToReach(level, target: t)
                else { continue }
                rows.append(
                    Row(
                        seed: seed, target: t, level: level, evolutionary: ca, random: cb,
                        finalBest: (evolutionary: sa, random: sb)))
            }
        }
        self.rows = rows
        self.seeds = seeds
        self.timings = timings
    }

    /// Mean and sample standard deviation over the seeds of one strategy's calls to reach the common
    /// level at target `t` (seeds without a row for `t` are left out).
    public struct CallStatistics: Sendable, Equatable {
        /// Rows (seeds) the statistics are over.
        public var count: Int
        /// Accuracy evaluations: mean and sample standard deviation.
        public var accuracyCalls: (mean: Double, deviation: Double)
        /// Cost-evaluator (predictor) calls: mean and sample standard deviation.
        public var costCalls: (mean: Double, deviation: Double)

        /// Equal when every figure is.
        public static func == (lhs: CallStatistics, rhs: CallStatistics) -> Bool {
            lhs.count == rhs.count && lhs.accuracyCalls == rhs.accuracyCalls && lhs.costCalls == rhs.costCalls
        }
    }

    /// The statistics of `strategy` at target `t` over the seeds.
    public func statistics(target t: Int, strategy: SearchStrategy) -> CallStatistics {
        let counters = rows.filter { $0.target == t }.map { strategy == .evolutionary ? $0.evolutionary : $0.random }
        return CallStatistics(
            count: counters.count,
            accuracyCalls: Self.meanAndDeviation(counters.map { Double($0.accuracyCalls) }),
            costCalls: Self.meanAndDeviation(counters.map { Double($0.costCalls) }))
    }

    /// Mean and sample standard deviation of `values` (deviation 0 for fewer than two).
    public static func meanAndDeviation(_ values: [Double]) -> (mean: Double, deviation: Double) {
        guard !values.isEmpty else { return (.nan, .nan) }
        let mean = values.reduce(0, +) / Double(values.count)
        guard values.count > 1 else { return (mean, 0) }
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
        return (mean, variance.squareRoot())
    }
}
