import Design
import Foundation
import GNN
import HDF5
import Search
import Tensor
import Testing

/// Opt-in figure (TANDEM_FIGURES=1, release build): evolutionary against random search with the same
/// candidate budget on the `small` space (13 shapes classes, P = 64), three bandwidths; prints calls to reach
/// the same best design, mean ± std over seeds. The device computes at 20 MFLOP/s (so that P = 64 designs
/// compute for milliseconds and offloading over 1 ms link delays can pay), the edge at 50 GFLOP/s; the
/// latency budget is the 40th percentile of 200 sampled designs at 40 Mbit/s.
@Suite struct SearchFigures {
    static var enabled: Bool { ProcessInfo.processInfo.environment["TANDEM_FIGURES"] == "1" }

    @Test(.enabled(if: SearchFigures.enabled)) func strategyComparisonFigure() throws {
        let environment = ProcessInfo.processInfo.environment
        let epochs = Int(environment["TANDEM_FIGURE_SUPERNET_EPOCHS"] ?? "") ?? 1000
        let seeds = (1...(UInt64(environment["TANDEM_FIGURE_SEEDS"] ?? "") ?? 3)).map { $0 }
        var space = DesignSpace.small
        space.classes = ShapeClass.allCases.count
        let data = try ShapesDataset(
            ShapesConfiguration(
                classes: ShapeClass.allCases, trainPerClass: 40, testPerClass: 15, points: space.pointsPerCloud,
                seed: 7))
        let clock = ContinuousClock()
        var supernet = try Supernet(
            space: space,
            options: SupernetOptions(training: TrainingOptions(epochs: epochs, batchSize: 16, seed: 11)))
        let threads = ThreadBudget(threads: 2)
        let trainTime = try clock.measure { _ = try supernet.train(on: data.train, threads: threads) }
        let cost = AnalyticCost(deviceFlopsPerSecond: 2e7)
        let sampler = try ArchitectureSampler(space: space)
        var generator = SeededGenerator(seed: 1234)
        let latencies = try sampler.sample(200, using: &generator).map {
            try cost.cost(of: try $0.mapping(in: space), bandwidthMbps: 40).latencySeconds
        }.sorted()
        let budget = latencies[80]
        let targets = SearchTarget.grid(latencyBudgetSeconds: budget, bandwidthsMbps: [10, 40, 100])
        let options = SearchOptions(samples: 40, generations: 8, children: 10, parents: 5)
        var comparison: StrategyComparison?
        let searchTime = try clock.measure {
            comparison = try StrategyComparison(
                space: space, targets: targets, options: options, seeds: seeds, cost: cost,
                makeAccuracy: {
                    SupernetAccuracy(
                        supernet: supernet, validation: data.test, calibration: data.train, threads: threads)
                })
        }
        let rows = try #require(comparison).rows
        print(
            "search figure: supernet \(epochs) epochs in \(trainTime), 2 searches × \(seeds.count) seeds in \(searchTime)"
        )
        print("budget \(budget * 1e3) ms at 10/40/100 Mbit/s, \(options.candidateBudget) candidates per search")
        for row in rows {
            print(
                "seed \(row.seed) \(targets[row.target]): level loss \(row.level.loss) acc \(row.level.accuracy); "
                    + "evolutionary \(row.evolutionary.accuracyCalls) acc / \(row.evolutionary.costCalls) cost calls, "
                    + "random \(row.random.accuracyCalls) / \(row.random.costCalls); final best loss "
                    + "\(row.finalBest.evolutionary.loss) vs \(row.finalBest.random.loss)")
        }
        for (label, pick) in [
            ("evolutionary", { (r: StrategyComparison.Row) in r.evolutionary }),
            ("random", { (r: StrategyComparison.Row) in r.random }),
        ] {
            let accuracyCalls = StrategyComparison.meanAndDeviation(rows.map { Double(pick($0).accuracyCalls) })
            let costCalls = StrategyComparison.meanAndDeviation(rows.map { Double(pick($0).costCalls) })
            print(
                "\(label): accuracy evaluations \(accuracyCalls.mean) ± \(accuracyCalls.deviation), cost calls "
                    + "\(costCalls.mean) ± \(costCalls.deviation) to reach the common best (\(rows.count) rows)")
        }
        // One evolutionary search as a zoo, saved and plotted (TANDEM_FIGURE_OUT, default the temp folder).
        let folder = environment["TANDEM_FIGURE_OUT"] ?? FileManager.default.temporaryDirectory.path
        var state = try SearchState(space: space, targets: targets, options: options)
        var accuracy = SupernetAccuracy(
            supernet: supernet, validation: data.test, calibration: data.train, threads: threads)
        try state.run(cost: cost, accuracy: &accuracy)
        let zoo = Zoo(state, costModel: cost.name, accuracyModel: accuracy.name)
        try zoo.save(to: folder + "/search-figure-zoo.h5")
        try ParetoPlot(zoo: zoo, references: [ReferencePoint(name: "chance", accuracy: 1 / 13, latencySeconds: budget)])
            .write(to: folder + "/search-figure-front.svg")
        for member in zoo.members {
            print(
                "member \(member.name): \(member.mode?.rawValue ?? "?") \(member.architecture.text), "
                    + "\(member.cost.latencyMilliseconds) ms, \(member.cost.deviceEnergyMillijoules) mJ, "
                    + "accuracy \(member.score.accuracy), loss \(member.score.loss)")
        }
        print("zoo and plot written to \(folder)/search-figure-zoo.h5 and search-figure-front.svg")
        let better = rows.filter { SearchRanking.loss.isBetter($0.finalBest.evolutionary, than: $0.finalBest.random) }
        print("evolutionary final best better in \(better.count) of \(rows.count) (seed, target) pairs")
    }
}
