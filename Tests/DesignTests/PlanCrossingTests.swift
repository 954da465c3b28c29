import Design
import GNN
import Tensor
import Testing

/// The names crossing after each segment of `text`'s plan.
func crossingNames(_ text: String) throws -> [[String]] { try planModel(text).plan().crossingNames }

@Test func theGraphCrossesWhenTheReceiverAggregatesBeforeBuildingANewGraph() throws {
    #expect(
        try crossingNames("knn | comm | agg(full,sum) | combine(8) | pool(max) | id") == [
            ["features", "graph"], ["logits"],
        ])
    #expect(
        try crossingNames("combine(8) | knn | comm | agg(edgeconv,max) | comm | pool(max)") == [
            ["features", "graph"], ["features"], ["logits"],
        ])
}

@Test func theGraphStaysWhenTheReceiverBuildsANewGraph() throws {
    #expect(
        try crossingNames("knn | agg(rel,max) | comm | knn | agg(source,max) | pool(mean)") == [
            ["features"], ["logits"],
        ])
}

@Test func theGraphStaysWhenTheReceiverDoesNotAggregate() throws {
    // The edge only combines; the device aggregates afterwards with the graph it kept.
    let text = "knn | comm | combine(8) | comm | agg(rel,max) | pool(max)"
    #expect(try crossingNames(text) == [["features"], ["features"], ["logits"]])
    let model = try planModel(text)
    let plan = try model.plan()
    let points = planPoints(batch: 2, points: 32, seed: 9)
    var device = try plan.run(segment: 0, on: plan.start(points: points, batch: 2), threads: .single)
    let edge = try plan.run(segment: 1, on: plan.crossing(after: 0, device), threads: .single)
    let back = plan.crossing(after: 1, edge)
    // Without what it kept, the device cannot aggregate: the error names the graph.
    #expect {
        try plan.run(segment: 2, on: back, threads: .single)
    } throws: { ($0 as? PlanError)?.value == "graph" }
    device = try plan.run(segment: 2, on: device.merging(back), threads: .single)
    #expect(try plan.logits(device).shape == [2, planSpace.classes])
}

@Test func theGraphIsNotSentBackToASideThatHoldsIt() throws {
    #expect(
        try crossingNames("knn | comm | agg(rel,max) | comm | agg(rel,mean) | pool(max)") == [
            ["features", "graph"], ["features"], ["logits"],
        ])
}

@Test func afterThePoolOnlyThePooledVectorCrosses() throws {
    let plan = try planModel("knn | agg(rel,max) | pool(max) | comm | id | id").plan()
    let state = try plan.run(
        segment: 0, on: plan.start(points: planPoints(batch: 2, points: 32, seed: 3), batch: 2), threads: .single)
    let crossing = plan.crossing(after: 0, state)
    #expect(crossing.names == ["features"])
    #expect(crossing.nodes == 1)
    #expect(crossing.tensors[0].value.shape == [2, 3])
}

@Test func modeESendsTheRawPointsFromAnEmptyDeviceSegment() throws {
    let plan = try planModel("comm | knn | agg(rel,mean) | combine(16) | pool(max+mean) | id").plan()
    #expect(plan.segments.map(\.side) == [.device, .edge])
    #expect(plan.segments[0].steps.isEmpty)
    let points = planPoints(batch: 2, points: 32, seed: 4)
    let state = try plan.run(segment: 0, on: plan.start(points: points, batch: 2), threads: .single)
    #expect(plan.crossing(after: 0, state).tensors == [PlanTensor(name: "features", value: .float(points))])
}

@Test(arguments: modeArchitectures.indices)
func planCrossingsAgreeWithTheMappingsBytes(_ index: Int) throws {
    let model = try planModel(modeArchitectures[index].text)
    let mapping = try model.architecture.mapping(in: planSpace)
    let plan = try model.plan()
    let batch = 2
    var held: [Side: PlanState] = [
        .device: plan.start(points: planPoints(batch: batch, points: 32, seed: 5), batch: batch)
    ]
    var sent: [Int] = []
    for (segment, part) in plan.segments.enumerated() {
        let output = try plan.run(
            segment: segment, on: held[part.side] ?? PlanState(batch: batch, nodes: 0, tensors: []), threads: .single)
        held[part.side] = output
        let receiver = segment + 1 < plan.segments.count ? plan.segments[segment + 1].side : .device
        guard receiver != part.side else { continue }
        let crossing = plan.crossing(after: segment, output)
        sent.append(crossing.byteCount / batch)
        held[receiver] = held[receiver].map { $0.merging(crossing) } ?? crossing
    }
    #expect(sent == mapping.crossings.map(\.bytes))
}
