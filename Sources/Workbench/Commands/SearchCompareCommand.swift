import Foundation
import Search

/// `search compare SN on DATA cost=T latency<=30ms ... seeds=1,2,3 as C`: evolutionary refinement against the
/// paper's random search with the same candidate budget, over several seeds.
struct SearchCompareCommand: Command {
    static let spec = CommandSpec(
        name: "search compare", group: .search,
        summary: "Compare evolutionary and random search: calls to reach the same best design over seeds",
        arguments: SearchCommand.sharedArguments + [
            .key("seeds", .text, .value("1,2,3"), "seeds, comma-separated, at least 3 (mean ± std over them)"),
            .resultName(.value("comparison"), "session name of the comparison"),
        ],
        examples: [
            "search compare sn on shapes cost=t latency<=30ms as c",
            "search compare sn on shapes cost=t latency<=5ms bandwidths=10,100 samples=40 generations=8 children=10 "
                + "seeds=1,2,3,4,5 as c",
        ],
        records: true,
        details: """
            Runs, for every seed, the search twice with the same candidate budget (samples + generations ×
            children): once refining the best survivors (evolutionary, Tandem's default) and once drawing
            uniform samples only (random, the paper's search); same cost model, budgets and bandwidths as
            `search`, each run scoring with a fresh copy of the supernet. Per target the common level is the
            worse of the two final bests; the report gives, per strategy, the accuracy evaluations and
            predictor (cost) calls each needed to first reach it, as mean ± sample standard deviation over the
            seeds, the per-seed figures and final bests it is computed from, and the wall time per search.
            Needs at least 3 distinct seeds. The supernet is not changed (BatchNorm recalibration runs on
            copies).
            """)

    static func run(_ call: Invocation, in shell: Shell) throws {
        let seeds = try parseSeeds(call.text("seeds") ?? "1,2,3", call: call)
        let options = try SearchCommand.resolveOptions(call, seed: seeds[0])
        let setup = try SearchCommand.Setup(call, in: shell)
        let threads = shell.threads
        let comparison: StrategyComparison
        do {
            comparison = try StrategyComparison(
                space: setup.space, targets: setup.targets, options: options, seeds: seeds,
                cost: setup.cost.evaluator,
                makeAccuracy: {
                    SupernetAccuracy(
                        supernet: setup.supernet.supernet, validation: setup.data.evaluation,
                        calibration: setup.data.train, threads: threads)
                }, progress: shell.progress("search compare"), cancellation: shell.cancellation)
        } catch let error as SearchError {
            throw call.error("\(error)")
        }
        let value = StrategyComparisonValue(comparison: comparison, targets: setup.targets, options: options)
        let name = call.text("as") ?? "comparison"
        shell.session.define(name, value)
        shell.console.print("\(name): " + value.report)
    }

    /// The seeds of `seeds=1,2,3`: whole numbers ≥ 0, distinct, at least 3.
    static func parseSeeds(_ text: String, call: Invocation) throws -> [UInt64] {
        var seeds: [UInt64] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let word = part.trimmingCharacters(in: .whitespaces)
            guard let seed = UInt64(word) else {
                throw call.error("'\(word)' in seeds=\(text) is not a seed (a whole number ≥ 0)", at: "seeds")
            }
            guard !seeds.contains(seed) else {
                throw call.error("seed \(seed) is given twice in seeds=\(text): give distinct seeds", at: "seeds")
            }
            seeds.append(seed)
        }
        guard seeds.count >= 3 else {
            throw call.error(
                "seeds=\(text) gives \(seeds.count) seed\(seeds.count == 1 ? "" : "s"): give at least 3 "
                    + "(e.g. seeds=1,2,3), a mean ± std over fewer says little", at: "seeds")
        }
        return seeds
    }
}
