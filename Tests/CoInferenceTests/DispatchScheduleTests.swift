import CoInference
import Design
import GNN
import Systems
import Testing

// The scripted schedule runs on both clocks. Virtual: request i runs at the bandwidth in force at the
// virtual time its predecessors took (DispatchedRuntime), so the phases cost no waiting; bandwidths are the
// 100 → 10 → 40 Mbit/s of the issue scaled by 1/1000 (0.1 → 0.01 → 0.04 Mbit/s, no delay) so that the link,
// which is accounted exactly, dominates the measured compute (a few milliseconds in a debug build) by two
// orders of magnitude. Wait: the shapers follow the schedule in wall time; scaled by 1/100 to keep the run
// to a few seconds, and the budget check allows scheduling noise of 25 ms or a fifth of the budget, whichever
// is larger (the machine is shared; a wrong member at the low bandwidth still misses by more than half).

/// The schedule's bandwidths (Mbit/s) on `clock`.
private func bandwidths(_ clock: ClockMode) -> (high: Double, low: Double, middle: Double) {
    clock == .virtual ? (0.1, 0.01, 0.04) : (1, 0.1, 0.4)
}

/// The small DGCNN at splits 0, 2 and 4 plus device-only, calibrated on a fast link (compute and bytes do not
/// depend on the bandwidth); accuracy is set to grow with the bytes sent, as if they were zoo members.
private func calibratedTable(_ model: DeployableModel, edge: Endpoint) throws -> MemberTable {
    let layers = model.splitPoints.max() ?? 0
    let measured = try MemberTable.calibrated(
        [0, 2, 4, layers].map { (split: Int) in
            MemberTable.Candidate(name: "split \(split)", model: model, split: split)
        }, edge: edge,
        options: DeviceOptions(system: fastSystem()), samples: samples(2, seed: 40))
    var members = measured.members
    let byBytes = members.indices.sorted { members[$0].latency.bytes < members[$1].latency.bytes }
    for (rank, index) in byBytes.enumerated() { members[index].accuracy = 0.75 + 0.05 * Double(rank) }
    return try MemberTable(members)
}

@Test(arguments: [ClockMode.virtual, .wait])
func theDispatcherFollowsAScriptedBandwidthScheduleWithinThreeRequests(_ clock: ClockMode) throws {
    let (high, low, middle) = bandwidths(clock)
    let model = smallDGCNN()
    let server = try startEdge([model])
    defer {
        server.stop(drain: false)
        server.wait()
    }
    let table = try calibratedTable(model, edge: server.endpoint)
    let edgeMembers = table.members.indices.filter { $0 != table.deviceOnly }
    let lightest = try #require(edgeMembers.min { table.members[$0].latency.bytes < table.members[$1].latency.bytes })
    let heaviest = try #require(edgeMembers.max { table.members[$0].latency.bytes < table.members[$1].latency.bytes })
    let seconds = { (member: Int, mbps: Double) in
        table.members[member].latency.seconds(megabitsPerSecond: mbps, delay: 0)
    }
    // The heaviest (most accurate) member fits at 100 and 40 with room; only the lightest fits at 10.
    let budget = max(seconds(heaviest, 0.6 * high), seconds(lightest, 0.7 * low), 1.3 * seconds(heaviest, middle))
    try #require(seconds(heaviest, low) > 1.5 * budget, "the heaviest member must miss at the low bandwidth")
    let noise = clock == .wait ? max(0.025, 0.2 * budget) : 0
    let first = 6 * seconds(heaviest, high)
    let second = first + 2 * seconds(heaviest, low) + 6 * seconds(lightest, low)
    var system = fastSystem()
    system.link = LinkProfile(
        megabitsPerSecond: high, delay: 0,
        schedule: [.init(time: first, megabitsPerSecond: low), .init(time: second, megabitsPerSecond: middle)])
    let runtime = DispatchedRuntime(
        table: table, edge: server.endpoint, options: DeviceOptions(system: system, clock: clock), budget: budget,
        log: { _ in })
    let requests = samples(28, seed: 41)
    let run = try runtime.run(requests)
    let trace = run.reports.map { "\($0.request.id) \($0.bandwidth) \($0.name) \($0.request.total)" }
    let phases = run.phases
    try #require(phases.map(\.megabitsPerSecond) == [high, low, middle], "\(trace)")
    #expect(run.fallbacks == 0)
    #expect(run.switches >= 2, "\(trace)")
    let dispatcher = Dispatcher(table: table, budget: budget, delay: 0)
    for (mbps, requests) in phases {
        try #require(requests.count >= 4, "phase \(mbps): \(trace)")
        let settled = requests.lowerBound + 2  // the change is seen by the estimator after two requests
        // The table's choice at this bandwidth, which the dispatcher must have reached by then.
        let expected = dispatcher.best(megabitsPerSecond: mbps * (1 - dispatcher.margin))
        for index in settled..<requests.upperBound {
            let report = run.reports[index]
            #expect(report.member == expected, "request \(index) at \(mbps): \(trace)")
            #expect(report.request.total <= budget + noise, "request \(index) missed \(budget) s: \(trace)")
        }
    }
    // A static choice of the most accurate member: the same schedule, worse in at least one phase.
    let pinned = try runtime.run(requests, pinned: heaviest)
    let worse = pinned.phases.contains { mbps, range in
        guard let mine = phases.first(where: { $0.megabitsPerSecond == mbps }) else { return false }
        return pinned.medianTotal(range) > 1.5 * run.medianTotal(mine.requests)
    }
    #expect(worse, "static \(pinned.phases.map { ($0.megabitsPerSecond, pinned.medianTotal($0.requests)) })")
    // It misses every request of the low phase, where the dispatcher misses none after its switch.
    let pinnedLow = try #require(pinned.phases.first { $0.megabitsPerSecond == low })
    #expect(pinnedLow.requests.allSatisfy { pinned.reports[$0].request.total > budget })
}

@Test func anUnreachableEdgeSendsEveryRequestToTheDeviceOnlyMember() throws {
    let model = smallDGCNN()
    let server = try startEdge([model])
    let table = try calibratedTable(model, edge: server.endpoint)
    server.stop(drain: false)
    server.wait()
    let runtime = DispatchedRuntime(
        table: table, edge: server.endpoint, options: DeviceOptions(system: fastSystem(), connectTimeout: 0.5),
        budget: 10, log: { _ in })
    let run = try runtime.run(samples(6, seed: 42))
    #expect(run.reports.allSatisfy { $0.request.prediction >= 0 })
    #expect(run.reports.dropFirst().contains { $0.reason == .edgeUnreachable })
    // Every answer came from the device: the fallback of a member with the edge, or the device-only member.
    #expect(run.reports.allSatisfy { $0.request.fallback || $0.member == table.deviceOnly })
}

@Test func probesLeaveDeviceOnlyWhenTheLinkRecovers() throws {
    let model = smallDGCNN()
    let server = try startEdge([model])
    defer {
        server.stop(drain: false)
        server.wait()
    }
    let table = try calibratedTable(model, edge: server.endpoint)
    let edgeMembers = table.members.indices.filter { $0 != table.deviceOnly }
    let heaviest = try #require(edgeMembers.max { table.members[$0].latency.bytes < table.members[$1].latency.bytes })
    let seconds = { (member: Int, mbps: Double) in
        table.members[member].latency.seconds(megabitsPerSecond: mbps, delay: 0)
    }
    // Virtual clock: 0.1 Mbit/s, then 0.0001 (no member with the edge fits: device-only), then 0.1 again.
    let budget = seconds(heaviest, 0.06)
    try #require(table.members[table.deviceOnly].latency.device < budget)
    let first = 4 * seconds(heaviest, 0.1)
    let second = first + 2.5 * seconds(heaviest, 0.0001)
    var system = fastSystem()
    system.link = LinkProfile(
        megabitsPerSecond: 0.1, delay: 0,
        schedule: [.init(time: first, megabitsPerSecond: 0.0001), .init(time: second, megabitsPerSecond: 0.1)])
    let runtime = DispatchedRuntime(
        table: table, edge: server.endpoint, options: DeviceOptions(system: system), budget: budget,
        probeInterval: 4, log: { _ in })
    let run = try runtime.run(samples(40, seed: 43))
    let trace = run.reports.map { "\($0.request.id) \($0.bandwidth) \($0.name) \($0.reason.rawValue)" }
    let phases = run.phases
    try #require(phases.map(\.megabitsPerSecond) == [0.1, 0.0001, 0.1], "\(trace)")
    // Once the estimate has the dead rate nothing with the edge fits: device-only (it meets the budget, so as
    // the best left), the estimate goes stale, and probes (the fastest edge member) measure the link again.
    #expect(run.reports.contains { $0.member == table.deviceOnly && $0.reason == .best }, "\(trace)")
    #expect(run.reports.contains { $0.reason == .probe }, "\(trace)")
    // Back on the heaviest member at most probeInterval + 3 requests after the link recovered.
    let back = phases[2].requests
    try #require(back.count > 8, "\(trace)")
    #expect(run.reports[(back.lowerBound + 7)..<back.upperBound].allSatisfy { $0.member == heaviest }, "\(trace)")
}
