import CoInference
import Systems
import Testing

/// Runs the split search of the small DGCNN against an in-process edge on `system`.
private func search(_ system: System) throws -> SplitSearch {
    let model = smallDGCNN()
    let server = try startEdge([model])
    defer {
        server.stop(drain: false)
        server.wait()
    }
    return try SplitSearch.run(
        model, edge: server.endpoint, options: DeviceOptions(system: system), samples: samples(2, seed: 21),
        log: { _ in })
}

@Test func aVerySlowDeviceOnAFastLinkSendsThePointsToTheEdge() throws {
    // 500× this host: any layer on the device costs far more than sending 384 bytes of points at 10 Gbit/s.
    let result = try search(fastSystem(factor: 500))
    #expect(result.rows.map(\.split) == Array(0...7))
    #expect(result.best?.split == 0, "\(result.rows.map { ($0.split, $0.summary.medianTotal) })")
    #expect(result.rows.allSatisfy { $0.summary.fallbacks == 0 })
}

@Test func aSlowLinkWithAFastDeviceKeepsEverythingOnTheDevice() throws {
    // A device as fast as this host and 0.1 Mbit/s with 50 ms each way: every crossing costs ≥ 100 ms,
    // device-only costs the few milliseconds of the layers.
    var system = fastSystem(factor: 1)
    system.link = LinkProfile(megabitsPerSecond: 0.1, delay: 0.05)
    let result = try search(system)
    #expect(result.best?.split == result.layers, "\(result.rows.map { ($0.split, $0.summary.medianTotal) })")
    #expect(result.rows.last?.medianBytesUp == 0)
}

@Test func anArchitectureModelHasNoSplitPointsToSearch() throws {
    let model = try architectureModel(modeArchitectures[3])
    #expect(throws: CoInferenceError.self) {
        try SplitSearch.run(
            model, edge: Endpoint(host: "127.0.0.1", port: 9), options: DeviceOptions(system: fastSystem()),
            samples: samples(1, seed: 1), log: { _ in })
    }
}
