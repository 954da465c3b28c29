import GNN
import Tensor
import Testing

@testable import Predictor

/// Gradients against central finite differences (h = 1e-3, relative tolerance 1e-2 of max(1, |numeric|),
/// Float32 forward, Float64 loss), as in Tests/GNNTests.

/// A small irregular graph: 5 nodes, node 4 without incoming edges, node 0 with three.
private let sources: [Int32] = [1, 2, 3, 0, 2, 1]
private let targets: [Int32] = [0, 0, 0, 1, 3, 2]

@Test func neighbourMeanGradientMatchesFiniteDifferences() {
    let x = randomTensor([5, 3], seed: 1)
    let r = randomTensor([5, 3], seed: 2)
    let analytic = NeighbourMean.backward(r, sources: sources, targets: targets, threads: .single)
    expectGradient("neighbour mean", at: x, analytic: analytic) {
        weightedSum(NeighbourMean.forward($0, sources: sources, targets: targets, threads: .single), r)
    }
}

@Test func neighbourMeanAveragesIncomingRowsAndLeavesLonelyNodesAtZero() {
    let x = Tensor(shape: [5, 1], scalars: [1, 2, 4, 8, 16])
    let y = NeighbourMean.forward(x, sources: sources, targets: targets, threads: .single)
    #expect(abs(y.scalars[0] - 14.0 / 3) < 1e-6)
    #expect(Array(y.scalars[1...]) == [1, 2, 4, 0])
}

@Test func sumReadoutGradientMatchesFiniteDifferences() {
    let graphOfNode: [Int32] = [0, 0, 1, 1, 1, 2]
    let x = randomTensor([6, 4], seed: 3)
    let r = randomTensor([3, 4], seed: 4)
    let analytic = SumReadout.backward(r, graphOfNode: graphOfNode, threads: .single)
    expectGradient("sum readout", at: x, analytic: analytic) {
        weightedSum(SumReadout.forward($0, graphOfNode: graphOfNode, graphCount: 3), r)
    }
}

@Test func mapeLossGradientMatchesFiniteDifferences() {
    let targets: [Float] = [1.0, 0.5, 2.0, 0.25]
    // Predictions away from the targets (the loss has kinks where they meet).
    let predicted = Tensor(shape: [4, 1], scalars: [1.3, 0.2, 2.5, 0.1])
    let (loss, gradient) = MAPELoss.evaluate(predicted: predicted, targets: targets)
    #expect(abs(loss - (0.3 / 1 + 0.3 / 0.5 + 0.5 / 2 + 0.15 / 0.25) / 4) < 1e-6)
    expectGradient("MAPE", at: predicted, analytic: gradient) {
        MAPELoss.evaluate(predicted: $0, targets: targets).loss
    }
}

@Test func ginNetworkParameterGradientsMatchFiniteDifferences() throws {
    let graphs = try sampledGraphs(3, seed: 7).map(\.graph)
    let batch = GraphBatch(graphs, scale: 1)
    let network = GINNetwork(layers: 3, hiddenWidth: 5)
    var generator = SeededGenerator(seed: 8)
    let store = network.initialParameters(generator: &generator)
    let r = randomTensor([3, 1], seed: 9)
    let (_, tape) = network.forward(batch, store: store, threads: .single)
    let gradients = network.backward(r, tape: tape, store: store, threads: .single)
    #expect(Set(gradients.values.keys) == Set(store.parameters.keys))
    for name in [
        "gin0/fc1/weight", "gin0/fc1/bias", "gin1/fc2/weight", "gin2/fc1/bias", "regressor/fc1/weight",
        "regressor/fc2/weight", "regressor/fc2/bias",
    ] {
        expectGradient(name, at: store.parameter(name), analytic: gradients[name]) { value in
            var changed = store
            changed.parameters[name] = value
            return weightedSum(network.forward(batch, store: changed, threads: .single).0, r)
        }
    }
}

@Test func ginNetworkGivesTheSameOutputsBatchedAndOneByOne() throws {
    let graphs = try sampledGraphs(4, seed: 11).map(\.graph)
    let network = GINNetwork(layers: 3, hiddenWidth: 6)
    var generator = SeededGenerator(seed: 12)
    let store = network.initialParameters(generator: &generator)
    let batched = network.forward(GraphBatch(graphs, scale: 1), store: store, threads: .single).0.scalars
    for (index, graph) in graphs.enumerated() {
        let alone = network.forward(GraphBatch([graph], scale: 1), store: store, threads: .single).0.scalars[0]
        #expect(abs(alone - batched[index]) <= 1e-5 * max(1, abs(alone)))
    }
}

@Test func ginNetworkGivesTheSameOutputsOnOneAndTwoThreads() throws {
    let graphs = try sampledGraphs(40, seed: 13).map(\.graph)
    let network = GINNetwork(layers: 3, hiddenWidth: 8)
    var generator = SeededGenerator(seed: 14)
    let store = network.initialParameters(generator: &generator)
    let batch = GraphBatch(graphs, scale: 1e-3)
    let one = network.forward(batch, store: store, threads: .single).0.scalars
    let two = network.forward(batch, store: store, threads: ThreadBudget(threads: 2)).0.scalars
    for index in one.indices { #expect(abs(one[index] - two[index]) <= 1e-5 * max(1, abs(one[index]))) }
}
