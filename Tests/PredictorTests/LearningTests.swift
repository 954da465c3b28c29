import Design
import Testing

@testable import Predictor

/// A real learning test: the synthetic "measurement" (`syntheticTarget`) is a nonlinear function of the graph
/// that the LUT-like sum of costs misses (per-op-type factors, fixed overheads). Trained on 160 sampled
/// architectures of the small space, judged on 60 others; the GIN must lower its loss and end well under the
/// naive baseline's MAPE on the held-out graphs.
@Test func trainingLowersTheLossAndBeatsTheNaiveBaselineOnHeldOutGraphs() throws {
    let samples = try sampledGraphs(220, seed: 31).map {
        PredictorSample(graph: $0.graph, target: syntheticTarget($0.mapping, $0.graph))
    }
    let training = Array(samples.prefix(160))
    let test = Array(samples.suffix(60))
    let options = PredictorTrainingOptions(
        network: GINNetwork(layers: 3, hiddenWidth: 64), epochs: 600, batchSize: 32, learningRate: 3e-3,
        validationFraction: 0.2, patience: 100, seed: 4)
    let result = try PredictorTraining.train(training, target: .latency, options: options)
    let first = try #require(result.history.first)
    let best = result.history[result.bestEpoch - 1]
    #expect(best.trainingLoss < first.trainingLoss / 2)
    let measured = test.map(\.target)
    let gin = result.model.predict(test.map(\.graph), threads: .single)
    let baseline = test.map(\.graph.costSum)
    let report = try EvaluationReport(
        target: .latency, title: "synthetic", measured: measured, gin: gin, baseline: baseline)
    print(report.table)
    print(
        "epochs run \(result.history.count), best \(result.bestEpoch) train \(best.trainingLoss) val \(best.validationMAPE)"
    )
    #expect(report.ginMetrics.mape < report.baselineMetrics.mape / 2)
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
