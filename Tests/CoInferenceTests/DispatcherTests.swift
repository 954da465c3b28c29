import CoInference
import Design
import GNN
import Testing

/// A table of the small DGCNN at splits 0 (edge-only, `bytes` 500), 4 (2 000 bytes) and device-only, with
/// hand-set latency models: accuracy grows with the bytes sent (as if they were zoo members).
private func handTable() throws -> MemberTable {
    let model = smallDGCNN()
    let layers = model.splitPoints.max() ?? 0
    return try MemberTable([
        .init(
            name: "edge-only", plan: try model.plan(split: 0), split: 0, accuracy: 0.85,
            latency: .init(device: 0.001, edge: 0.002, bytes: 500, crossings: 2)),
        .init(
            name: "split-4", plan: try model.plan(split: 4), split: 4, accuracy: 0.90,
            latency: .init(device: 0.004, edge: 0.001, bytes: 2_000, crossings: 2)),
        .init(
            name: "device-only", plan: try model.plan(split: layers), split: layers, accuracy: 0.80,
            latency: .init(device: 0.2, edge: 0, bytes: 0, crossings: 0)),
    ])
}

@Test func theMostAccurateMemberMeetingTheBudgetIsChosen() throws {
    let table = try handTable()
    // Budget 50 ms, no delay: split-4 needs ≥ 16 000 bits / 0.045 s ≈ 0.36 Mbit/s, edge-only ≈ 0.085 Mbit/s.
    var dispatcher = Dispatcher(table: table, budget: 0.05, delay: 0, margin: 0)
    #expect(table.members[dispatcher.choose(megabitsPerSecond: 10).member].name == "split-4")
    #expect(table.members[dispatcher.choose(megabitsPerSecond: 0.2).member].name == "edge-only")
    let none = dispatcher.choose(megabitsPerSecond: 0.01)
    #expect(none.member == table.deviceOnly)
    #expect(none.reason == .noneMeetsBudget)
    #expect(dispatcher.switches == 2)
    let down = dispatcher.choose(megabitsPerSecond: 10, edgeReachable: false)
    #expect(down.member == table.deviceOnly && down.reason == .edgeUnreachable)
}

@Test func anEstimateJitteringAroundAThresholdDoesNotFlap() throws {
    let table = try handTable()
    let threshold = 16_000 / (0.05 - 0.005) / 1e6  // split-4 meets 50 ms from here up
    var dispatcher = Dispatcher(table: table, budget: 0.05, delay: 0, margin: 0.15)
    _ = dispatcher.choose(megabitsPerSecond: threshold * 0.9)  // edge-only
    for step in 0..<10 {
        _ = dispatcher.choose(megabitsPerSecond: threshold * (step.isMultiple(of: 2) ? 1.05 : 0.97))
    }
    #expect(dispatcher.switches == 0, "±5 % around the threshold stays on edge-only")
    let up = dispatcher.choose(megabitsPerSecond: threshold * 1.3)
    #expect(up.switched && table.members[up.member].name == "split-4")
    // Slightly below the 15 % upgrade margin but still meeting the budget: kept.
    #expect(dispatcher.choose(megabitsPerSecond: threshold * 1.01).reason == .kept)
    // Below the threshold: the budget comes first, down at once.
    #expect(dispatcher.choose(megabitsPerSecond: threshold * 0.99).switched)
}

@Test func aTableNeedsExactlyOneDeviceOnlyMember() throws {
    let table = try handTable()
    #expect(throws: CoInferenceError.self) { try MemberTable(Array(table.members.prefix(2))) }
    #expect(throws: CoInferenceError.self) { try MemberTable(table.members + [table.members[2]]) }
}
