import CoInference
import GNN
import Tensor
import Testing

/// Every plan of the engine tests: the five mode architectures and every split of the small DGCNN.
private func plans() throws -> [ExecutionPlan] {
    let dgcnn = smallDGCNN()
    return try modeArchitectures.map { try architectureModel($0).plan(split: nil) }
        + dgcnn.splitPoints.map { try dgcnn.plan(split: $0) }
}

@Test func theDeviceFinishesFromTheStateItSentWithTheSameLogitsAsTheSplitRun() throws {
    // Runs each plan as the engine does (each side keeps its state, receives only the crossings) up to its
    // first edge segment, then finishes every remaining step on the device from the state it sent from:
    // the logits must be those of the split run (the same steps and weights; ≤ 1e-5 relative for summation
    // order only).
    for plan in try plans() {
        guard let first = plan.segments.firstIndex(where: { $0.side == .edge }) else { continue }
        for sample in samples(2, seed: 12) {
            var kept = plan.start(points: sample.points.reshaped([1, 32, 3]), batch: 1)
            for index in 0..<first { kept = try plan.run(segment: index, on: kept, threads: .single) }
            let position = plan.segments[first].steps.lowerBound
            #expect(plan.canResume(at: position, from: kept), "\(plan.name) cannot resume at step \(position)")
            let resumed = try plan.logits(plan.resume(at: position, from: kept, threads: .single))
            #expect(relativeError(resumed.scalars, try reference(plan, sample)) <= 1e-5, "\(plan.name)")
        }
    }
}

@Test func aStateMissingAValueTheRemainingStepsReadCannotResume() throws {
    // Without the features (what every first step reads), no plan can resume; past the end neither.
    for plan in try plans() {
        let empty = PlanState(batch: 1, nodes: 32, tensors: [])
        #expect(!plan.canResume(at: 0, from: empty), "\(plan.name)")
        #expect(!plan.canResume(at: plan.steps.count + 1, from: empty))
    }
}
