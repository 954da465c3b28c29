import HDF5
import Tensor
import Testing

@testable import GNN

/// `model` with random BatchNorm running statistics (so evaluation-mode BatchNorm is exercised).
func withRandomStatistics(_ model: BaselineModel, seed: UInt64) -> BaselineModel {
    var generator = SeededGenerator(seed: seed)
    var store = model.store
    for (name, value) in store.buffers {
        let isVariance = name.hasSuffix("running_var")
        store.buffers[name] = Tensor(
            shape: value.shape,
            scalars: (0..<value.count).map { _ in
                isVariance ? 0.5 + generator.nextUniform() : 0.2 * generator.nextNormal()
            })
    }
    switch model {
    case .dgcnn(let m): return .dgcnn(DGCNN(m.configuration, store: store))
    case .pointNet(let m): return .pointNet(PointNet(m.configuration, store: store))
    }
}

/// A small DGCNN (k 4, EdgeConv 6-8-8-12, embedding 16, head 12-8, 4 classes).
let smallDGCNN: BaselineModel = {
    var generator = SeededGenerator(seed: 31)
    let configuration = DGCNN.Configuration(
        classes: 4, k: 4, edgeWidths: [6, 8, 8, 12], embedding: 16, hidden: [12, 8], dropout: 0)
    return withRandomStatistics(.dgcnn(DGCNN(configuration, generator: &generator)), seed: 32)
}()

/// A small PointNet (MLP 8-8-16, head 12-8, 4 classes).
let smallPointNet: BaselineModel = {
    var generator = SeededGenerator(seed: 33)
    let configuration = PointNet.Configuration(classes: 4, widths: [8, 8, 16], hidden: [12, 8], dropout: 0)
    return withRandomStatistics(.pointNet(PointNet(configuration, generator: &generator)), seed: 34)
}()

/// Largest |a − b| / max(1, |b|); 1e-5 is the documented tolerance (both paths run the same kernels, so
/// only summation order could differ).
func planError(_ a: Tensor, _ b: Tensor) -> Float {
    #expect(a.shape == b.shape)
    return zip(a.scalars, b.scalars).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? .infinity
}

@Test(arguments: 0...9)
func dgcnnSplitLogitsEqualTheWholeModels(_ split: Int) throws {
    let model = smallDGCNN
    #expect(model.layerCount == 9)
    let points = randomTensor([3 * 24, 3], seed: 35)
    let expected = model.logits(points, batch: 3, nodes: 24, threads: .single)
    let plan = try model.plan(split: split, points: 24)
    let logits = try plan.infer(points: points, batch: 3, threads: ThreadBudget(threads: 2))
    #expect(planError(logits, expected) <= 1e-5)
    #expect(planError(try plan.onDevice().infer(points: points, batch: 3, threads: .single), expected) <= 1e-5)
    #expect(plan.steps.prefix(split).allSatisfy { $0.side == .device })
    #expect(plan.steps.dropFirst(split).allSatisfy { $0.side == .edge })
}

@Test(arguments: 0...7)
func pointNetSplitLogitsEqualTheWholeModels(_ split: Int) throws {
    let model = smallPointNet
    #expect(model.layerCount == 7)
    let points = randomTensor([2 * 20, 3], seed: 36)
    let expected = model.logits(points, batch: 2, nodes: 20, threads: .single)
    let plan = try model.plan(split: split, points: 20)
    #expect(planError(try plan.infer(points: points, batch: 2, threads: .single), expected) <= 1e-5)
}

@Test func dgcnnSkipTensorsCrossWithTheFeatures() throws {
    let model = smallDGCNN
    let points = randomTensor([2 * 24, 3], seed: 37)
    // After k EdgeConv blocks on the device, the embedding (on the edge) needs every EdgeConv output so far.
    for split in 1...4 {
        let plan = try model.plan(split: split, points: 24)
        var state = plan.start(points: points, batch: 2)
        state = try plan.run(segment: 0, on: state, threads: .single)
        let crossing = plan.crossing(after: 0, state)
        #expect(crossing.names == (1...split).map { "edge\($0)" })
        #expect(crossing.tensors.allSatisfy { $0.value.shape[0] == 2 * 24 })
    }
    // Edge-only: the raw points cross; after the embedding, only the features.
    #expect(try model.plan(split: 0, points: 24).crossingNames[0] == ["features"])
    #expect(try model.plan(split: 5, points: 24).crossingNames[0] == ["features"])
    // The edge sends the logits home.
    let plan = try model.plan(split: 6, points: 24)
    #expect(plan.crossingNames.last == ["logits"])
}

@Test func oneSharedPlanOnManyThreadsGivesTheSameLogits() async throws {
    let plan = try smallDGCNN.plan(split: 3, points: 24)
    let inputs = (0..<8).map { randomTensor([2 * 24, 3], seed: 40 + UInt64($0)) }
    let alone = try inputs.map { try plan.infer(points: $0, batch: 2, threads: .single) }
    let together = try await withThrowingTaskGroup(of: (Int, Tensor).self) { group in
        for round in 0..<4 {
            for (index, points) in inputs.enumerated() {
                group.addTask {
                    (index, try plan.infer(points: points, batch: 2, threads: ThreadBudget(threads: round + 1)))
                }
            }
        }
        var results: [(Int, Tensor)] = []
        for try await result in group { results.append(result) }
        return results
    }
    #expect(together.count == 32)
    for (index, logits) in together { #expect(logits == alone[index]) }
}

@Test func aStateMissingAValueThrowsAnErrorNamingIt() throws {
    let plan = try smallDGCNN.plan(split: 2, points: 24)
    var state = plan.start(points: randomTensor([2 * 24, 3], seed: 50), batch: 2)
    state = try plan.run(segment: 0, on: state, threads: .single)
    var crossing = plan.crossing(after: 0, state)
    crossing.tensors.removeAll { $0.name == "edge1" }
    do {
        _ = try plan.run(segment: 1, on: crossing, threads: .single)
        Issue.record("a state without 'edge1' ran")
    } catch let error as PlanError {
        #expect(error.value == "edge1")
        #expect(error.description.contains("'edge1' is missing"))
    }
    // A misshapen value and a wrong kind are named too.
    var wrong = plan.crossing(after: 0, state)
    wrong.set("edge2", .indices(shape: [48, 1], values: Array(repeating: 0, count: 48)))
    #expect(throws: PlanError.self) { try plan.run(segment: 1, on: wrong, threads: .single) }
    #expect(throws: PlanError.self) { try plan.run(segment: 7, on: state, threads: .single) }
    #expect(throws: PlanError.self) { try plan.logits(state) }
    #expect(throws: PlanError.self) { try smallDGCNN.plan(split: 10, points: 24) }
}

@Test func identityChangesWithAnyWeightAndIsStable() throws {
    let model = smallPointNet
    #expect(model.identity == model.identity)
    #expect(model.identity.hasPrefix("pointnet@"))
    guard case .pointNet(let m) = model else { return }
    var store = m.store
    store.parameters["mlp2/weight"]?.scalars[3] += 1e-3
    let changed = BaselineModel.pointNet(PointNet(m.configuration, store: store))
    #expect(changed.identity != model.identity)
    #expect(try model.plan(split: 2, points: 20).identity == model.identity)
}

@Test func aStateOfImpossibleSizesThrowsInsteadOfTrapping() throws {
    let plan = try smallPointNet.plan(split: 1, points: 20)
    let points = randomTensor([40, 3], seed: 51)
    for (batch, nodes) in [(-1, -40), (0, 20), (2, 0), (Int.max, 3)] {
        let state = PlanState(
            batch: batch, nodes: nodes, tensors: [PlanTensor(name: "features", value: .float(points))])
        #expect(throws: PlanError.self) { try plan.run(segment: 0, on: state, threads: .single) }
    }
}

@Test func aGraphIndexLeavingItsCloudIsRejected() throws {
    var generator = SeededGenerator(seed: 52)
    let architecture = [
        PlanStep(side: .device, operation: .knn(k: 2), inputs: ["features"], output: "graph", description: "knn"),
        PlanStep(
            side: .edge, operation: .aggregate(.relative, .max), inputs: ["features", "graph"], output: "features",
            description: "agg"),
    ]
    let plan = ExecutionPlan(name: "graph test", identity: "test", steps: architecture, classes: 2, points: 4)
    let points = Tensor(shape: [8, 3], scalars: (0..<24).map { _ in generator.nextNormal() })
    let state = try plan.run(segment: 0, on: plan.start(points: points, batch: 2), threads: .single)
    var crossing = plan.crossing(after: 0, state)
    #expect(crossing.names == ["features", "graph"])
    #expect(try plan.run(segment: 1, on: crossing, threads: .single).value("features")?.shape == [8, 3])
    crossing.set("graph", .indices(shape: [8, 2], values: [0, 1, 0, 5, 2, 3, 3, 2, 4, 5, 5, 4, 6, 7, 7, 6]))
    #expect {
        try plan.run(segment: 1, on: crossing, threads: .single)
    } throws: { ($0 as? PlanError)?.value == "graph" }
}

@Test func thePlanDescribesItsSidesAndCrossings() throws {
    let text = try smallDGCNN.plan(split: 2, points: 24).description
    #expect(text.hasPrefix("dgcnn split 2 (dgcnn@"))
    #expect(text.contains("\n  → edge: edge1, edge2\n"))
    #expect(text.contains("\n  → device: logits"))
}

@Test func featuresOfTheWrongWidthAreNamedNotSilentlySliced() throws {
    let plan = try smallPointNet.plan(split: 0, points: 20)
    let state = PlanState(
        batch: 2, nodes: 20, tensors: [PlanTensor(name: "features", value: .float(randomTensor([40, 2], seed: 53)))])
    #expect {
        try plan.run(segment: 1, on: state, threads: .single)
    } throws: { "\($0)".contains("'features' has width 2, the step expects 3") }
}

@Test func evaluationRunsThePlanAndPredictsWhatTheForwardPassPredicts() throws {
    let points = randomTensor([6, 24, 3], seed: 54)
    let data = PointCloudSet(points: points, labels: [0, 1, 2, 3, 0, 1])
    for model in [smallDGCNN, smallPointNet] {
        let evaluation = try model.evaluate(on: data, batchSize: 4, threads: .single)
        let logits = model.logits(points.reshaped([6 * 24, 3]), batch: 6, nodes: 24, threads: .single)
        let labels: [Int32] = [0, 1, 2, 3, 0, 1]
        let loss = Double(CrossEntropy.lossAndGradient(logits: logits, labels: labels).0)
        let expected = Evaluation(predictions: Batching.argmax(logits), labels: labels, classes: 4, loss: loss)
        #expect(evaluation.confusion == expected.confusion)
        #expect(abs(evaluation.loss - loss) <= 1e-5 * max(1, abs(loss)))
    }
    guard case .dgcnn(let dgcnn) = smallDGCNN else { return }
    #expect(try dgcnn.evaluationPlan()?.segments.map(\.side) == [.device])
}
