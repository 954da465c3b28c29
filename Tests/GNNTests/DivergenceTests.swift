import HDF5
import Tensor
import Testing

@testable import GNN

@Test(arguments: [Double.nan, .infinity, -.infinity, 1e300, -1e300, 9.3e15, -0.0005])
func progressRoundingNeverTraps(value: Double) {
    let text = Batching.rounded(value)
    #expect(!text.isEmpty)
}

@Test func progressRoundingKeepsThreeDecimals() {
    #expect(Batching.rounded(1.23456) == "1.235")
    #expect(Batching.rounded(-2.5) == "-2.500")
}

@Test func aDivergingRunStopsWithANamedErrorAndKeepsFiniteWeights() throws {
    let data = try smallShapes()
    var generator = SeededGenerator(seed: 21)
    var model = PointNet(PointNet.Configuration(classes: 3, widths: [8], hidden: [8, 8]), generator: &generator)
    let options = TrainingOptions(
        epochs: 3, batchSize: 8, optimizer: .sgd(learningRate: 1e30, momentum: 0.9, weightDecay: 0), seed: 5)
    do {
        _ = try Training.train(&model, on: data.train, options: options)
        Issue.record("a learning rate of 1e30 trained without diverging")
    } catch let error as TrainingDiverged {
        #expect(error.epoch >= 1 && error.step >= 1)
        #expect(error.description.contains("epoch \(error.epoch), step \(error.step)"), "\(error)")
        #expect(error.description.contains("smaller learning rate"), "\(error)")
    }
    let nonFinite = model.store.parameters.filter { !$0.value.scalars.allSatisfy(\.isFinite) }.keys
    #expect(nonFinite.isEmpty, "non-finite weights in \(nonFinite.sorted())")
}
