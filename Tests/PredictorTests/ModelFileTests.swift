import Foundation
import HDF5
import Tensor
import Testing

@testable import Predictor

@Test func savedPredictorLoadsWithTheSameParametersAttributesAndPredictions() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/latency.h5"
    let model = PredictorModel(
        network: GINNetwork(layers: 3, hiddenWidth: 7), target: .energy, targetScale: 0.0125,
        seed: 18_000_000_000_000_000_001)
    try model.save(to: path)
    let loaded = try PredictorModel.load(path)
    #expect(loaded == model)
    let graphs = try sampledGraphs(3, seed: 2).map(\.graph)
    #expect(loaded.predict(graphs, threads: .single) == model.predict(graphs, threads: .single))
    let one = try sampledGraphs(1, seed: 2)[0]
    let single = try loaded.predict(
        one.mapping, costs: testCosts, megabitsPerSecond: one.graph.megabitsPerSecond, threads: .single)
    #expect(single == model.predict([one.graph], threads: .single)[0])
    let attributes = try HDF5File.read(path) { try $0.attributes() }
    #expect(attributes["target"]?.stringValue == "energy" && attributes["unit"]?.stringValue == "J")
    #expect(attributes["feature_layout_version"]?.intValue == Int64(FeatureLayout.version))
    #expect(attributes["target_scale"]?.doubleValue == 0.0125)
    #expect(try HDF5File.read(path) { try $0.readTensor(at: "/gin1/fc2/weight") }.shape == [7, 7])
    #expect(!FileManager.default.fileExists(atPath: path + ".tmp-\(getpid())"))
}

@Test func predictorFileWithAMissingParameterNamesIt() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/broken.h5"
    var model = PredictorModel(
        network: GINNetwork(layers: 3, hiddenWidth: 4), target: .latency, targetScale: 1, seed: 3)
    model.store.parameters["regressor/fc2/bias"] = nil
    try model.save(to: path)
    #expect {
        try PredictorModel.load(path)
    } throws: { error in
        "\(error)".contains("broken.h5") && "\(error)".contains("'/regressor/fc2/bias' is missing")
    }
}

@Test func aFileOfAnotherKindIsNotReadAsAPredictor() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/other.h5"
    try HDF5File.write(to: path) { try $0.write(Tensor.zeros([2]), at: "/x") }
    #expect {
        try PredictorModel.load(path)
    } throws: { error in
        "\(error)".contains("not a Tandem predictor")
    }
}
