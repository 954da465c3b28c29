import CoInference
import Design
import GNN
import Systems
import Tensor
import Testing

/// Runs `model` at `split` through a real edge on 127.0.0.1 and checks every answer against `plan.infer`.
private func checkOverTheSocket(_ model: DeployableModel, split: Int?, float16: Bool = false) throws {
    let server = try startEdge([model])
    defer {
        server.stop(drain: false)
        server.wait()
    }
    let plan = try model.plan(split: split)
    let runtime = DeviceRuntime(
        plan: plan, split: split, edge: server.endpoint,
        options: DeviceOptions(system: fastSystem(), clock: .virtual, float16: float16), log: { _ in })
    let inputs = samples(2, seed: 11)
    let summary = try runtime.run(inputs)
    #expect(summary.fallbacks == 0, "\(plan.name): \(summary.fallbacks) fallbacks")
    for (report, sample) in zip(summary.reports, inputs) {
        let error = relativeError(report.logits, try reference(plan, sample))
        #expect(error <= (float16 ? 2e-2 : 1e-5), "\(plan.name): relative error \(error)")
    }
}

@Test(arguments: 0...7)
func dgcnnSplitLogitsOverTheSocketEqualInProcessInference(_ split: Int) throws {
    let model = smallDGCNN()
    #expect(model.splitPoints == Array(0...7))
    try checkOverTheSocket(model, split: split)
}

@Test(arguments: modeArchitectures)
func architectureLogitsOverTheSocketEqualInProcessInferenceInEveryMode(_ text: String) throws {
    try checkOverTheSocket(try architectureModel(text), split: nil)
}

@Test func float16TransferStaysWithinAPercentOfFloat32() throws {
    try checkOverTheSocket(smallDGCNN(), split: 2, float16: true)
}

@Test func edgeRefusesADeviceWithOtherWeights() throws {
    let log = LogSink()
    let server = try startEdge([smallDGCNN(seed: 3)], log: log)
    defer {
        server.stop(drain: false)
        server.wait()
    }
    let other = try smallDGCNN(seed: 4).plan(split: 3)
    let runtime = DeviceRuntime(
        plan: other, split: 3, edge: server.endpoint, options: DeviceOptions(system: fastSystem()), log: { _ in })
    #expect(throws: CoInferenceError.self) { try runtime.run(samples(1, seed: 1)) }
    #expect(log.all.contains { $0.contains("refused hello") })
}

@Test func sixteenConcurrentDevicesAreAllAnsweredCorrectly() throws {
    let model = smallDGCNN()
    let server = try startEdge([model])
    defer {
        server.stop(drain: false)
        server.wait()
    }
    let plan = try model.plan(split: 3)
    let inputs = samples(3, seed: 5)
    let expected = try inputs.map { try reference(plan, $0) }
    let results = LogSink()
    DispatchQueueRunner.concurrently(16) { device in
        let runtime = DeviceRuntime(
            plan: plan, split: 3, edge: server.endpoint, options: DeviceOptions(system: fastSystem()), log: { _ in })
        do {
            let summary = try runtime.run(inputs)
            let ok = summary.fallbacks == 0
                && zip(summary.reports, expected).allSatisfy { relativeError($0.logits, $1) <= 1e-5 }
            results.write(ok ? "ok" : "device \(device): wrong answers or fallbacks")
        } catch {
            results.write("device \(device): \(error)")
        }
    }
    #expect(results.all.count == 16)
    #expect(results.all.allSatisfy { $0 == "ok" }, "\(results.all.filter { $0 != "ok" })")
    #expect(server.served == 16 * 3)
}

@Test func edgeKilledMidStreamLosesNoRequestAndAnswersNoneTwice() throws {
    let model = smallDGCNN()
    let server = try startEdge([model])
    let plan = try model.plan(split: 2)
    let inputs = samples(100, seed: 9)
    let log = LogSink()
    let runtime = DeviceRuntime(
        plan: plan, split: 2, edge: server.endpoint,
        options: DeviceOptions(system: fastSystem(), pipeline: true, initialBackoff: 0.01, maximumBackoff: 0.05),
        log: log.write)
    DispatchQueueRunner.background {
        while server.served < 10 { MonotonicClock.sleep(0.001) }
        server.stop(drain: false)
    }
    let summary = try runtime.run(inputs)  // throws if a request is lost or answered twice
    server.wait()
    #expect(summary.reports.map(\.id) == Array(0..<100))
    #expect(summary.fallbacks > 0 && summary.fallbacks <= 90)
    for (report, sample) in zip(summary.reports, inputs) {
        #expect(relativeError(report.logits, try reference(plan, sample)) <= 1e-5, "request \(report.id)")
    }
    #expect(log.all.contains { $0.contains("lost the edge") || $0.contains("no edge") })
}

@Test func unreachableEdgeMeansEveryRequestIsAnsweredOnTheDevice() throws {
    // Bind and close a port so that nothing listens there.
    let port: UInt16
    do {
        let server = try EdgeServer(EdgeServer.Configuration(models: []), log: { _ in })
        port = server.port
        server.stop(drain: false)
    }
    let model = smallDGCNN()
    let plan = try model.plan(split: 4)
    let runtime = DeviceRuntime(
        plan: plan, split: 4, edge: Endpoint(host: "127.0.0.1", port: port),
        options: DeviceOptions(system: fastSystem()), log: { _ in })
    let summary = try runtime.run(samples(3, seed: 2))
    #expect(summary.fallbacks == 3)
}
