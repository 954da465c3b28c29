import Design
import Testing

@testable import Predictor

/// A real learning test: the synthetic "measurement" (`syntheticTarget`) is a nonlinear function of the graph
/// that the LUT-like sum of costs misses (per-op-type factors, fixed overheads). Trained on 300 sampled
/// architectures of the small space (240 to fit, 60 for early stopping), judged on 60 others; the GIN must
/// halve its loss and end far under the naive baseline's MAPE on the held-out graphs, and rank them better.
/// Measured (debug build, AMD EPYC, 1 thread, ≈ 5 s): GIN MAPE 4.9 %, ±10 % 86.7 %, τ 0.905; baseline 57.3 %,
/// 0 %, 0.838. The bounds below leave room for another CPU's rounding.
@Test func trainingLowersTheLossAndBeatsTheNaiveBaselineOnHeldOutGraphs() throws {
    let samples = try sampledGraphs(360, seed: 31).map {
        PredictorSample(graph: $0.graph, target: syntheticTarget($0.mapping, $0.graph))
    }
    let training = Array(samples.prefix(300))
    let test = Array(samples.suffix(60))
    let options = PredictorTrainingOptions(
        network: GINNetwork(layers: 3, hiddenWidth: 16), epochs: 150, batchSize: 16, learningRate: 5e-3,
        validationFraction: 0.2, patience: 40, seed: 4)
    let result = try PredictorTraining.train(training, target: .latency, options: options)
    let first = try #require(result.history.first)
    let best = result.history[result.bestEpoch - 1]
    #expect(best.trainingLoss < first.trainingLoss / 2)
    let report = try result.model.evaluate(
        test, baseline: test.map(\.graph.costSum), title: "synthetic", threads: .single)
    print(report.table)
    #expect(report.ginMetrics.mape < 0.12)
    #expect(report.ginMetrics.mape < report.baselineMetrics.mape / 4)
    #expect(report.ginMetrics.within10 > 0.6)
    #expect(report.ginMetrics.kendallTau > report.baselineMetrics.kendallTau)
}

@Test func trainingWithTheSameSeedGivesTheSameModel() throws {
    let samples = try sampledGraphs(30, seed: 41).map {
        PredictorSample(graph: $0.graph, target: syntheticTarget($0.mapping, $0.graph))
    }
    let options = PredictorTrainingOptions(
        network: GINNetwork(layers: 3, hiddenWidth: 6), epochs: 3, batchSize: 8, seed: 9)
    let a = try PredictorTraining.train(samples, target: .latency, options: options)
    let b = try PredictorTraining.train(samples, target: .latency, options: options)
    #expect(a.model == b.model && a.history == b.history)
    #expect(a.model.seed == 9)
    let energy = try PredictorTraining.train(samples, target: .energy, options: options)
    #expect(energy.model.target == .energy && energy.model.store == a.model.store)
}

@Test func trainingRefusesTooFewSamplesAndNonPositiveTargets() throws {
    let graphs = try sampledGraphs(2, seed: 1).map(\.graph)
    let options = PredictorTrainingOptions(validationFraction: 0.2)
    #expect(throws: PredictorError.self) {
        try PredictorTraining.train([PredictorSample(graph: graphs[0], target: 1)], target: .latency, options: options)
    }
    #expect(throws: PredictorError.self) {
        try PredictorTraining.train(
            graphs.map { PredictorSample(graph: $0, target: 0) }, target: .latency,
            options: PredictorTrainingOptions(validationFraction: 0.5))
    }
}
