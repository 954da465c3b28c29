import Foundation
import Design
import Testing

@testable import Predictor

/// knn on the device, the raw features and the edge list sent, aggregate + combine + pool on the edge, the
/// head on the edge and the logits returned (small space: P = 64, k = 4, 10 classes, head 32-16).
private func handBuilt(megabitsPerSecond: Double = 40) throws -> (Mapping, ArchitectureGraph) {
    let architecture = try Architecture(
        readable: "knn | comm | agg(edgeconv,max) | combine(16) | pool(max) | id", in: .small)
    let mapping = try architecture.mapping(in: .small)
    return (mapping, try ArchitectureGraph(mapping: mapping, costs: testCosts, megabitsPerSecond: megabitsPerSecond))
}

private func row(_ graph: ArchitectureGraph, _ node: Int) -> [Float] {
    Array(graph.features[(node * FeatureLayout.width)..<((node + 1) * FeatureLayout.width)])
}

@Test func graphHasGlobalInputPositionsHeadAndOutputNodes() throws {
    let (_, graph) = try handBuilt()
    #expect(graph.nodeCount == 1 + 1 + 6 + 3 + 1)
    #expect(graph.kinds.first == .global && graph.kinds[1] == .input && graph.kinds.last == .output)
    #expect(graph.kinds[2...7] == ArraySlice((0..<6).map { NodeKind.position($0) }))
    #expect(graph.kinds[8...10] == ArraySlice((0..<3).map { NodeKind.headLayer($0) }))
    #expect(graph.features.count == graph.nodeCount * FeatureLayout.width)
}

@Test func edgesFormAChainBothWaysAndEveryNodeSendsToGlobal() throws {
    let (_, graph) = try handBuilt()
    let pairs = Set(zip(graph.sources, graph.targets).map { "\($0)>\($1)" })
    #expect(pairs.count == graph.sources.count)
    for node in 1..<graph.nodeCount {
        #expect(pairs.contains("\(node)>0"))
        if node < graph.nodeCount - 1 {
            #expect(pairs.contains("\(node)>\(node + 1)") && pairs.contains("\(node + 1)>\(node)"))
        }
    }
    #expect(!graph.sources.contains(0))
    #expect(graph.sources.count == 2 * (graph.nodeCount - 2) + (graph.nodeCount - 1))
}

@Test func nodeFeaturesCarryOpFunctionFlagsSideAndCost() throws {
    let (mapping, graph) = try handBuilt()
    let global = row(graph, 0)
    #expect(global.enumerated().filter { $0.element != 0 }.map(\.offset) == [FeatureLayout.global])
    let input = row(graph, 1)
    #expect(input[FeatureLayout.input] == 1 && input[FeatureLayout.side] == 1)
    // The aggregate at position 2: op id 2, function edgeconv·3 + max = 6, on the edge, cost = its FLOPs at 1 ns.
    let aggregate = row(graph, 2 + 2)
    #expect(aggregate[FeatureLayout.opType + 2] == 1)
    #expect(aggregate[FeatureLayout.function + 6] == 1)
    #expect(aggregate[FeatureLayout.side + 1] == 1 && aggregate[FeatureLayout.side] == 0)
    let expectedCost = Double(mapping.steps[2].flops) * 1e-9
    #expect(graph.costs[4] == expectedCost)
    #expect(aggregate[FeatureLayout.cost] == FeatureLayout.scaledSeconds(expectedCost))
    #expect(aggregate[FeatureLayout.linearCost] == Float(expectedCost))
    #expect(aggregate[FeatureLayout.payload] == 0)
    // The knn at position 0 runs on the device at 10 ns per FLOP.
    #expect(graph.costs[2] == Double(mapping.steps[0].flops) * 1e-8)
    for node in 8...10 {
        #expect(row(graph, node)[FeatureLayout.head] == 1 && row(graph, node)[FeatureLayout.side + 1] == 1)
    }
    // Head layer 0: 16 → 32, a hidden layer: 2·16·32 + 3·32 FLOPs on the edge.
    #expect(graph.costs[8] == Double(2 * 16 * 32 + 3 * 32) * 1e-9)
}

@Test func communicateAndReturnedLogitsCarryPayloadBandwidthAndTransferTime() throws {
    let (_, graph) = try handBuilt(megabitsPerSecond: 40)
    // The engine's frame: 32 B header + 16 B prefix, "features" [64, 3] f32 (2 + 8 + 1 + 1 + 2·4 + 768 B) and
    // "graph" [64, 4] i32 (2 + 5 + 1 + 1 + 2·4 + 1024 B) = 1877 B.
    let communicate = row(graph, 2 + 1)
    #expect(communicate[FeatureLayout.opType + 5] == 1)
    #expect(communicate[FeatureLayout.side] == 1)
    #expect(communicate[FeatureLayout.payload] == FeatureLayout.scaledBytes(1877))
    #expect(communicate[FeatureLayout.bandwidth] == FeatureLayout.scaledBandwidth(megabitsPerSecond: 40))
    #expect(communicate[FeatureLayout.transfer] == FeatureLayout.scaledSeconds(1877 * 8 / 40e6))
    #expect(communicate[FeatureLayout.linearTransfer] == Float(1877 * 8 / 40e6))
    // Logits: 48 B + "logits" [1, 10] f32 (2 + 6 + 1 + 1 + 2·4 + 40 B) = 106 B back to the device.
    let output = row(graph, graph.nodeCount - 1)
    #expect(output[FeatureLayout.output] == 1 && output[FeatureLayout.side] == 1)
    #expect(output[FeatureLayout.payload] == FeatureLayout.scaledBytes(106))
    #expect(graph.linkBytes == 1983)
    #expect(abs(graph.transferSeconds - 1983 * 8 / 40e6) < 1e-15)
}

/// Device → edge → device: the edge only builds the graph, so only the graph comes back (the device still
/// holds the current features), where Design's `Mapping.crossings` would count the features and the edge
/// list; the payload follows the engine's frames.
@Test func aDeviceEdgeDeviceRoundTripCarriesOnlyWhatReallyCrosses() throws {
    let mapping = try Architecture(
        readable: "combine(8) | comm | knn | comm | agg(edgeconv,max) | pool(max)", in: .small
    ).mapping(in: .small)
    let graph = try ArchitectureGraph(mapping: mapping, costs: testCosts, megabitsPerSecond: 10)
    // Up: 48 B + "features" [64, 8] f32 (20 + 2048 B); down: 48 B + "graph" [64, 4] i32 (17 + 1024 B).
    #expect(row(graph, 2 + 1)[FeatureLayout.payload] == FeatureLayout.scaledBytes(2116))
    #expect(row(graph, 2 + 3)[FeatureLayout.payload] == FeatureLayout.scaledBytes(1089))
    #expect(mapping.crossings.first { $0.position == 3 }?.bytes != 1089 - 48 - 17)
    #expect(graph.linkBytes == 2116 + 1089)
    #expect(row(graph, graph.nodeCount - 1)[FeatureLayout.payload] == 0)
}

@Test func featureScalingIsLogOfOnePlusUnitsOverTen() {
    #expect(FeatureLayout.scaledSeconds(0) == 0)
    #expect(abs(Double(FeatureLayout.scaledSeconds(1)) - log1p(1e6) / 10) < 1e-6)
    #expect(abs(Double(FeatureLayout.scaledBytes(1023)) - log(1024) / 10) < 1e-6)
    #expect(abs(Double(FeatureLayout.scaledBandwidth(megabitsPerSecond: 40)) - log(41) / 10) < 1e-6)
}

@Test func deviceOnlyGraphSendsNothing() throws {
    let mapping = try Architecture(readable: "combine(8) | knn | agg(rel,mean) | pool(mean) | id | id", in: .small)
        .mapping(in: .small)
    let graph = try ArchitectureGraph(mapping: mapping, costs: testCosts, megabitsPerSecond: 10)
    #expect(graph.transferSeconds == 0 && graph.linkBytes == 0)
    for node in 0..<graph.nodeCount { #expect(row(graph, node)[FeatureLayout.payload] == 0) }
}

@Test(arguments: [0.0, -5, Double.nan, Double.infinity])
func nonPositiveBandwidthIsRejected(bandwidth: Double) throws {
    let mapping = try Architecture(readable: "knn | agg(rel,max) | pool(max) | id | id | id", in: .small)
        .mapping(in: .small)
    #expect(throws: PredictorError.self) {
        try ArchitectureGraph(mapping: mapping, costs: testCosts, megabitsPerSecond: bandwidth)
    }
}

@Test func batchStacksGraphsBlockDiagonally() throws {
    let graphs = try sampledGraphs(3, seed: 5).map(\.graph)
    let batch = GraphBatch(graphs, scale: 1)
    #expect(batch.nodeCount == graphs.map(\.nodeCount).reduce(0, +))
    #expect(batch.features.shape == [batch.nodeCount, FeatureLayout.width])
    let offset = Int32(graphs[0].nodeCount)
    let secondEdges = graphs[0].sources.count..<(graphs[0].sources.count + graphs[1].sources.count)
    #expect(Array(batch.sources[secondEdges]) == graphs[1].sources.map { $0 + offset })
    #expect(Array(batch.targets[secondEdges]) == graphs[1].targets.map { $0 + offset })
    #expect(batch.graphOfNode.filter { $0 == 1 }.count == graphs[1].nodeCount)
    #expect(Array(batch.features.scalars.prefix(graphs[0].features.count)) == graphs[0].features)
}

@Test func batchDividesOnlyTheLinearColumnsByTheScale() throws {
    let graphs = try sampledGraphs(2, seed: 6).map(\.graph)
    let plain = GraphBatch(graphs, scale: 1).features.scalars
    let scaled = GraphBatch(graphs, scale: 0.004).features.scalars
    for index in plain.indices {
        let column = index % FeatureLayout.width
        let expected = FeatureLayout.linearColumns.contains(column) ? plain[index] * Float(1 / 0.004) : plain[index]
        #expect(abs(scaled[index] - expected) <= 1e-6 * max(1, abs(expected)))
    }
}
