import CoInference
import Design
import Search

/// `search compare`'s result in the session: evolutionary against random search per seed and target, with
/// the targets and options it ran with.
public struct StrategyComparisonValue: Sendable {
    /// The per-seed rows and wall times.
    public var comparison: StrategyComparison
    /// The targets both strategies searched.
    public var targets: [SearchTarget]
    /// The options of every search (strategy and seed replaced per search).
    public var options: SearchOptions

    /// A value from its parts.
    public init(comparison: StrategyComparison, targets: [SearchTarget], options: SearchOptions) {
        self.comparison = comparison
        self.targets = targets
        self.options = options
    }

    /// `mean ± std` with `digits` decimals.
    static func meanText(_ figure: (mean: Double, deviation: Double), _ digits: Int) -> String {
        NumberFormat.fixed(figure.mean, digits) + " ± " + NumberFormat.fixed(figure.deviation, digits)
    }

    /// `75.0 % (loss 0.9123)`.
    static func scoreText(_ score: ArchitectureScore) -> String {
        NumberFormat.fixed(score.accuracy * 100, 1) + " % (loss " + NumberFormat.fixed(score.loss, 4) + ")"
    }

    /// The report `search compare` prints: per target the calls each strategy needed to reach the same best
    /// design (mean ± sample std over the seeds) and the per-seed figures they come from, then the wall
    /// time per search.
    public var report: String {
        let seeds = comparison.seeds
        var lines = [
            "evolutionary against random search: \(NumberFormat.count(seeds.count, "seed")) ("
                + seeds.map(String.init).joined(separator: ", ") + "), \(options.candidateBudget) candidates per "
                + "search (\(options.samples) samples + \(options.generations) × \(options.children) children), "
                + "ranked by \(options.ranking.rawValue)"
        ]
        for (t, target) in targets.enumerated() {
            let rows = comparison.rows.filter { $0.target == t }
            lines.append(
                "\(target): calls to reach the same best design (the worse final best), mean ± std over "
                    + NumberFormat.count(rows.count, "seed"))
            guard !rows.isEmpty else {
                lines.append("  no seed where both strategies found a design within budget")
                continue
            }
            let statistics = [SearchStrategy.evolutionary, .random].map { strategy in
                let s = comparison.statistics(target: t, strategy: strategy)
                return [strategy.rawValue, Self.meanText(s.accuracyCalls, 2), Self.meanText(s.costCalls, 2)]
            }
            let table = Table(header: ["strategy", "accuracy evaluations", "predictor calls"], rows: statistics)
            lines += table.text.split(separator: "\n").map { "  " + $0 }
            let perSeed = Table(
                header: [
                    "seed", "evolutionary acc/cost", "random acc/cost", "final best evolutionary", "final best random",
                ],
                rows: rows.map { r in
                    [
                        "\(r.seed)", "\(r.evolutionary.accuracyCalls) / \(r.evolutionary.costCalls)",
                        "\(r.random.accuracyCalls) / \(r.random.costCalls)", Self.scoreText(r.finalBest.evolutionary),
                        Self.scoreText(r.finalBest.random),
                    ]
                })
            lines += perSeed.text.split(separator: "\n").map { "  " + $0 }
            let ranking = options.ranking
            let evolvedBetter = rows.filter { ranking.isBetter($0.finalBest.evolutionary, than: $0.finalBest.random) }
            let randomBetter = rows.filter { ranking.isBetter($0.finalBest.random, than: $0.finalBest.evolutionary) }
            lines.append(
                "  final best better: evolutionary at \(NumberFormat.count(evolvedBetter.count, "seed")), random at "
                    + "\(randomBetter.count), equal at \(rows.count - evolvedBetter.count - randomBetter.count)")
            let missing = seeds.filter { seed in !rows.contains { $0.seed == seed } }
            if !missing.isEmpty {
                lines.append(
                    "  no design within budget for a strategy at seed "
                        + missing.map(String.init).joined(separator: ", "))
            }
        }
        let timings = comparison.timings
        let evolutionary = StrategyComparison.meanAndDeviation(timings.map(\.evolutionary))
        let random = StrategyComparison.meanAndDeviation(timings.map(\.random))
        lines.append(
            "wall time per search: evolutionary " + SummaryText.duration(evolutionary.mean) + " ± "
                + SummaryText.duration(evolutionary.deviation) + ", random " + SummaryText.duration(random.mean)
                + " ± " + SummaryText.duration(random.deviation))
        return lines.joined(separator: "\n")
    }
}

extension StrategyComparisonValue: NamedValue {
    /// "strategy comparison".
    public static var kindName: String { "strategy comparison" }

    /// Seeds, candidates and targets.
    public var summary: String {
        "evolutionary against random search, \(NumberFormat.count(comparison.seeds.count, "seed")), "
            + "\(options.candidateBudget) candidates per search, \(NumberFormat.count(targets.count, "target"))"
    }

    /// The report.
    public var details: String { report }

    /// The same seeds, targets, options and rows (wall times differ from run to run).
    public func isSame(as other: any NamedValue) -> Bool {
        guard let other = other as? StrategyComparisonValue else { return false }
        return comparison.rows == other.comparison.rows && comparison.seeds == other.comparison.seeds
            && targets == other.targets && options == other.options
    }
}
