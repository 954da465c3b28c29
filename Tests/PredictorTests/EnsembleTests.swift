import Foundation
import Testing

@testable import Predictor

/// An ensemble's prediction is the mean of its members' predictions, each computed by a one-network model.
@Test func anEnsemblePredictsTheMeanOfItsMembersAndSurvivesTheFile() throws {
    let graphs = try sampledGraphs(5, seed: 12).map(\.graph)
    let network = GINNetwork(layers: 2, hiddenWidth: 4)
    let singles = (1...3).map {
        PredictorModel(network: network, target: .latency, targetScale: 0.02, seed: UInt64($0), mode: .residual)
    }
    var ensemble = singles[0]
    ensemble.otherMembers = singles.dropFirst().map(\.store)
    let each = singles.map { $0.predict(graphs, threads: .single) }
    let mean = (0..<graphs.count).map { index in each.reduce(0) { $0 + $1[index] } / 3 }
    for (figure, expected) in zip(ensemble.predict(graphs, threads: .single), mean) {
        #expect(abs(figure - expected) <= 1e-5 * abs(expected))
    }
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try ensemble.save(to: directory + "/e.h5")
    let loaded = try PredictorModel.load(directory + "/e.h5")
    #expect(loaded == ensemble && loaded.otherMembers.count == 2)
}

@Test func trainingMembersGivesThatManyDifferentlyInitialisedNetworks() throws {
    let samples = try sampledGraphs(30, seed: 41).map {
        PredictorSample(graph: $0.graph, target: syntheticTarget($0.mapping, $0.graph))
    }
    let options = PredictorTrainingOptions(
        network: GINNetwork(layers: 2, hiddenWidth: 4), epochs: 2, batchSize: 8, seed: 9, members: 3)
    let result = try PredictorTraining.train(samples, target: .latency, options: options)
    #expect(result.model.otherMembers.count == 2)
    let stores = [result.model.store] + result.model.otherMembers
    #expect(stores[0] != stores[1] && stores[1] != stores[2])
    var single = options
    single.members = 1
    let one = try PredictorTraining.train(samples, target: .latency, options: single)
    #expect(one.model.store == result.model.store && one.model.otherMembers.isEmpty)
}
