import Design
import Foundation
import Glibc
import Tensor
import Testing

@testable import Predictor

/// Figures for the closing note, run only when `TANDEM_FIGURES` is set, in release:
/// `TANDEM_FIGURES=1 swift test -c release --filter PredictorFigures`. They print their results (prefixed
/// `FIGURE`) and check only that the runs complete.
@Suite(.enabled(if: getenv("TANDEM_FIGURES") != nil))
struct PredictorFigures {
    /// The paper space (12 positions, P 1024, k 20) with FLOP-proportional costs (device 10 ns, edge 1 ns per
    /// FLOP) and the synthetic target of the learning test: `TANDEM_FIGURE_GRAPHS` (default 2000) sampled
    /// architectures at 10, 40 or 100 Mbit/s for training (a fifth of them for early stopping), 500 others at
    /// the same bandwidths and 500 at 25 Mbit/s (a bandwidth not in the training set) held out. Options: the
    /// defaults (hidden 64, batch 32, Adam 3e-3 cosine to 3e-5, ≤ 300 epochs, patience 40) unless
    /// `TANDEM_FIGURE_HIDDEN`, `TANDEM_FIGURE_BATCH`, `TANDEM_FIGURE_LR`, `TANDEM_FIGURE_MIN_LR`,
    /// `TANDEM_FIGURE_EPOCHS`, `TANDEM_FIGURE_PATIENCE`, `TANDEM_FIGURE_SEED` (5) say otherwise; one thread. Printed: training wall time, epochs, and both evaluation tables.
    @Test func paperSpaceSyntheticTraining() throws {
        func setting(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }
        let count = setting("TANDEM_FIGURE_GRAPHS").flatMap { Int($0) } ?? 2000
        var options = PredictorTrainingOptions(seed: 5, threads: .single)
        if let seed = setting("TANDEM_FIGURE_SEED").flatMap({ UInt64($0) }) { options.seed = seed }
        if let hidden = setting("TANDEM_FIGURE_HIDDEN").flatMap({ Int($0) }) { options.network.hiddenWidth = hidden }
        if let batch = setting("TANDEM_FIGURE_BATCH").flatMap({ Int($0) }) { options.batchSize = batch }
        if let rate = setting("TANDEM_FIGURE_LR").flatMap({ Float($0) }) { options.learningRate = rate }
        if let rate = setting("TANDEM_FIGURE_MIN_LR").flatMap({ Float($0) }) { options.minimumLearningRate = rate }
        if let epochs = setting("TANDEM_FIGURE_EPOCHS").flatMap({ Int($0) }) { options.epochs = epochs }
        if let patience = setting("TANDEM_FIGURE_PATIENCE").flatMap({ Int($0) }) { options.patience = patience }
        let sampler = try ArchitectureSampler(space: .paper)
        var generator = SeededGenerator(seed: 21)
        let architectures = sampler.sample(count + 1000, using: &generator)
        func sample(_ architecture: Architecture, bandwidth: Double) throws -> PredictorSample {
            let mapping = try architecture.mapping(in: .paper)
            let graph = try ArchitectureGraph(mapping: mapping, costs: testCosts, megabitsPerSecond: bandwidth)
            return PredictorSample(graph: graph, target: syntheticTarget(mapping, graph))
        }
        var known: [PredictorSample] = []
        for architecture in architectures.prefix(count + 500) {
            known.append(try sample(architecture, bandwidth: testBandwidths[Int(generator.next() % 3)]))
        }
        let unseen = try architectures.suffix(500).map { try sample($0, bandwidth: 25) }
        let training = Array(known.prefix(count))
        let test = Array(known.suffix(500))
        let start = Date()
        let result = try PredictorTraining.train(training, target: .latency, options: options)
        let seconds = Date().timeIntervalSince(start)
        print(
            "FIGURE predictor paper space: \(count) training graphs, \(result.history.count) epochs (best "
                + "\(result.bestEpoch)), \(String(format: "%.1f", seconds)) s, "
                + "\(String(format: "%.3f", seconds / Double(result.history.count))) s/epoch, 1 thread")
        for (name, set) in [
            ("held-out architectures at 10/40/100 Mbit/s", test), ("unseen bandwidth 25 Mbit/s", unseen),
        ] {
            let report = try result.model.evaluate(
                set, baseline: set.map(\.graph.costSum), title: name, threads: .single)
            print("FIGURE\n" + report.table)
        }
    }
}
