import Design
import Foundation
import HDF5
import Tensor
import Testing

@testable import Predictor

/// A "LUT" baseline that is `syntheticTarget` off by a systematic, structure-dependent factor: 0.7 plus 0.6 ×
/// the share of the mapping's steps on the device (energy: twice that). A residual model must learn it.
private func biasedBaseline(_ mapping: Mapping, _ megabitsPerSecond: Double) -> NodeCosts.Baseline? {
    guard let graph = try? ArchitectureGraph(mapping: mapping, costs: testCosts, megabitsPerSecond: megabitsPerSecond)
    else { return nil }
    let truth = syntheticTarget(mapping, graph)
    let deviceShare = mapping.steps.filter { $0.side == .device }.count
    let factor = 0.7 + 0.6 * Double(deviceShare) / Double(max(1, mapping.steps.count))
    return NodeCosts.Baseline(latency: truth * factor, energy: truth * factor * 2)
}

private let biasedCosts = NodeCosts(
    position: testCosts.position, headLayer: testCosts.headLayer, baseline: { biasedBaseline($0, $1) })

private func biasedSamples(_ count: Int, seed: UInt64) throws -> [PredictorSample] {
    let sampler = try ArchitectureSampler(space: .small)
    var generator = SeededGenerator(seed: seed)
    return try sampler.sample(count, using: &generator).map { architecture in
        let mapping = try architecture.mapping(in: .small)
        let bandwidth = testBandwidths[Int(generator.next() % UInt64(testBandwidths.count))]
        let graph = try ArchitectureGraph(mapping: mapping, costs: biasedCosts, megabitsPerSecond: bandwidth)
        return PredictorSample(graph: graph, target: syntheticTarget(mapping, graph))
    }
}

@Test func aGraphCarriesItsCostsBaselineOrItsOwnSumWithoutOne() throws {
    let one = try sampledGraphs(1, seed: 3)[0]
    #expect(one.graph.baseline.latency == one.graph.costSum && one.graph.baseline(for: .energy) == one.graph.costSum)
    let biased = try ArchitectureGraph(mapping: one.mapping, costs: biasedCosts, megabitsPerSecond: 40)
    let expected = try #require(biasedBaseline(one.mapping, 40))
    #expect(biased.baseline == expected && biased.baseline(for: .energy) == expected.energy)
}

/// With the last layer zeroed the network outputs 0, so a residual model predicts baseline × targetScale,
/// an absolute one 0: the formula checked against the graphs' baselines, not against the model's own output.
@Test func aResidualModelWithZeroOutputPredictsTheScaledBaseline() throws {
    let graphs = try biasedSamples(4, seed: 8).map(\.graph)
    for mode in PredictorMode.allCases {
        var model = PredictorModel(
            network: GINNetwork(layers: 2, hiddenWidth: 5), target: .energy, targetScale: 1.25, seed: 2, mode: mode)
        model.store.parameters["regressor/fc2/weight"] = Tensor.zeros([5, 1])
        model.store.parameters["regressor/fc2/bias"] = Tensor.zeros([1])
        let predicted = model.predict(graphs, threads: .single)
        for (figure, graph) in zip(predicted, graphs) {
            let expected = mode == .residual ? graph.baseline.energy * 1.25 : 0
            #expect(abs(figure - expected) <= 1e-9 * max(1, abs(expected)))
            #expect(abs(model.normalisedTarget(expected, graph: graph) - (mode == .residual ? 1 : 0)) < 1e-12)
        }
    }
}

/// The residual mode learns a systematic bias of the baseline: the "LUT" is the synthetic truth times a
/// factor between 0.7 and 1.3 set by the share of device steps. Trained on 240 + 60 graphs, judged on 60
/// others: the residual GIN must end far under the biased baseline and rank at least as well as it.
@Test func residualTrainingLearnsTheBaselinesSystematicBias() throws {
    let samples = try biasedSamples(360, seed: 31)
    let training = Array(samples.prefix(300))
    let test = Array(samples.suffix(60))
    let options = PredictorTrainingOptions(
        network: GINNetwork(layers: 3, hiddenWidth: 16), epochs: 120, batchSize: 16, learningRate: 5e-3,
        validationFraction: 0.2, patience: 40, seed: 4, mode: .residual)
    let result = try PredictorTraining.train(training, target: .latency, options: options)
    #expect(result.model.mode == .residual)
    let report = try result.model.evaluate(
        test, baseline: test.map(\.graph.baseline.latency), title: "biased", threads: .single)
    print(report.table)
    #expect(report.baselineMetrics.mape > 0.1)
    #expect(report.ginMetrics.mape < report.baselineMetrics.mape / 3)
    #expect(report.ginMetrics.within10 > report.baselineMetrics.within10)
    #expect(report.ginMetrics.kendallTau >= report.baselineMetrics.kendallTau - 0.02)
}

@Test func residualTrainingRefusesGraphsWithoutAPositiveBaseline() throws {
    let zero = NodeCosts(
        position: { _ in 0 }, headLayer: { _, _ in 0 }, baseline: { _, _ in NodeCosts.Baseline(latency: 0, energy: 0) })
    let samples = try sampledGraphs(10, seed: 4).map {
        PredictorSample(
            graph: try ArchitectureGraph(mapping: $0.mapping, costs: zero, megabitsPerSecond: 40), target: 1)
    }
    #expect {
        try PredictorTraining.train(
            samples, target: .latency, options: PredictorTrainingOptions(epochs: 1, mode: .residual))
    } throws: { error in
        "\(error)".contains("positive baseline")
    }
}

@Test func theModeSurvivesTheFileAndAVersionOneFileLoadsAsAbsolute() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let model = PredictorModel(
        network: GINNetwork(layers: 2, hiddenWidth: 3), target: .latency, targetScale: 1.1, seed: 5, mode: .residual)
    try model.save(to: directory + "/r.h5")
    let loaded = try PredictorModel.load(directory + "/r.h5")
    #expect(loaded == model && loaded.mode == .residual)
    let attributes = try HDF5File.read(directory + "/r.h5") { try $0.attributes() }
    #expect(attributes["version"]?.intValue == 2 && attributes["mode"]?.stringValue == "residual")
    // A version 1 file, as the previous build wrote it: no `mode` attribute.
    let old = directory + "/old.h5"
    try HDF5File.write(to: old) { file in
        try file.setAttribute("format", to: .string(PredictorModel.fileFormat))
        try file.setAttribute("version", to: .int(1))
        try file.setAttribute("feature_layout_version", to: .int(Int64(FeatureLayout.version)))
        try file.setAttribute("feature_width", to: .int(Int64(FeatureLayout.width)))
        try file.setAttribute("target", to: .string("latency"))
        try file.setAttribute("unit", to: .string("s"))
        try file.setAttribute("target_scale", to: .double(1.1))
        try file.setAttribute("layers", to: .int(2))
        try file.setAttribute("hidden", to: .int(3))
        try file.setAttribute("seed", to: .string("5"))
        try file.writeTensors(model.store.parameters)
    }
    let absolute = try PredictorModel.load(old)
    #expect(absolute.mode == .absolute && absolute.store == model.store)
}

/// The residual training step's loss and gradient, as `PredictorTraining` computes them (MAPE of `lossInput`
/// against `normalisedTarget`), are the MAPE of the predicted figures against the measured ones and its
/// derivative: checked against `Metrics.mape` of `predict` and a central finite difference (h = 1e-3) of it
/// with respect to the regressor's last bias and one weight.
@Test func residualLossAndGradientAreTheMAPEOfThePredictedFigures() throws {
    let samples = try biasedSamples(6, seed: 13)
    let graphs = samples.map(\.graph)
    let measured = samples.map { $0.target * 1.1 }  // away from the kinks where prediction = target
    let model = PredictorModel(
        network: GINNetwork(layers: 2, hiddenWidth: 4), target: .latency, targetScale: 0.9, seed: 6, mode: .residual)
    let (output, tape) = model.network.forward(model.batch(graphs), store: model.store, threads: .single)
    let (loss, dOutput) = MAPELoss.evaluate(
        predicted: model.lossInput(output),
        targets: zip(measured, graphs).map { Float(model.normalisedTarget($0, graph: $1)) })
    let figuresMAPE = { (m: PredictorModel) in
        Metrics.mape(predicted: m.predict(graphs, threads: .single), measured: measured)
    }
    #expect(abs(loss - figuresMAPE(model)) < 1e-5)
    let gradients = model.network.backward(dOutput, tape: tape, store: model.store, threads: .single)
    for (name, index) in [("regressor/fc2/bias", 0), ("regressor/fc2/weight", 2)] {
        let h: Float = 1e-3
        var plus = model
        var minus = model
        var p = plus.store.parameter(name).scalars
        var q = p
        p[index] += h
        q[index] -= h
        plus.store.parameters[name] = Tensor(shape: model.store.parameter(name).shape, scalars: p)
        minus.store.parameters[name] = Tensor(shape: model.store.parameter(name).shape, scalars: q)
        let numeric = (figuresMAPE(plus) - figuresMAPE(minus)) / Double(2 * h)
        let analytic = Double(try #require(gradients.values[name]).scalars[index])
        #expect(abs(analytic - numeric) <= 1e-2 * max(1, abs(numeric)), "\(name)[\(index)]: \(analytic) vs \(numeric)")
    }
}
