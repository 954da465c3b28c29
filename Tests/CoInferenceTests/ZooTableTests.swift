import CoInference
import Design
import Foundation
import Search
import Tensor
import Testing

/// A zoo of `texts` (architectures of `engineSpace`) with random weights and the given accuracies, saved to a
/// fresh file and loaded back with its weights, as `tandem device --model ZOO.h5` reads it.
private func savedZoo(_ entries: [(name: String, text: String, accuracy: Double)]) throws -> (ZooDeployment, String) {
    var models: [String: ArchitectureModel] = [:]
    var members: [ZooMember] = []
    for (index, entry) in entries.enumerated() {
        let architecture = try Architecture.parse(entry.text, in: engineSpace)
        var generator = SeededGenerator(seed: UInt64(20 + index))
        models[entry.name] = try ArchitectureModel(architecture, space: engineSpace, dropout: 0, generator: &generator)
        members.append(
            ZooMember(
                name: entry.name, architecture: architecture,
                target: SearchTarget(latencyBudgetSeconds: 1, bandwidthMbps: 40), bandwidthMbps: 40,
                cost: CostEstimate(latencySeconds: 0.01 * Double(index + 1), deviceEnergyJoules: 0.1),
                score: ArchitectureScore(accuracy: entry.accuracy, meanClassAccuracy: entry.accuracy, loss: 1)))
    }
    let zoo = Zoo(space: engineSpace, members: members, front: [], costModel: "test", accuracyModel: "test")
    let folder = NSTemporaryDirectory() + "zoo-table-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path = folder + "/zoo.h5"
    try zoo.save(to: path, weights: ZooWeights(systemName: "pi-i7", models: models))
    #expect(ZooDeployment.isZooFile(path))
    return (try ZooDeployment.load(path), folder)
}

@Test func aZooWithWeightsBecomesACalibratedMemberTableWithItsDeviceOnlyMemberAsFallback() throws {
    // modeArchitectures: D, E, DE, ED, DED; a second D member that is not the fallback (slower predicted).
    let (deployment, folder) = try savedZoo([
        ("fast_d", modeArchitectures[0], 0.5), ("edge", modeArchitectures[1], 0.7),
        ("split", modeArchitectures[2], 0.9), ("slow_d", modeArchitectures[0], 0.95),
    ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let server = try startEdge(deployment.models.map(\.model))
    defer {
        server.stop(drain: false)
        server.wait()
    }
    let table = try MemberTable.calibrated(
        deployment, edge: server.endpoint, options: DeviceOptions(system: fastSystem()), samples: samples(2, seed: 7))
    #expect(table.members.map(\.name) == ["fast_d", "edge", "split"], "one device-only member: the zoo's fallback")
    #expect(table.members[table.deviceOnly].name == "fast_d")
    #expect(table.members.map(\.accuracy) == [0.5, 0.7, 0.9], "accuracies are the zoo's scores")
    for member in table.members {
        let stored = try #require(deployment.weights.models[member.name])
        #expect(member.plan.identity == stored.identity, "the plan is compiled from the stored weights")
        #expect((member.latency.bytes > 0) == !member.isDeviceOnly)
        #expect(member.latency.device > 0)
    }
    // With a generous budget the dispatcher runs the most accurate member that needs the edge.
    let runtime = DispatchedRuntime(
        table: table, edge: server.endpoint, options: DeviceOptions(system: fastSystem()), budget: 1000,
        log: { _ in })
    let run = try runtime.run(samples(3, seed: 8))
    #expect(run.reports.map(\.name) == ["split", "split", "split"])
    #expect(run.fallbacks == 0)
}

@Test func aZooWithoutADeviceOnlyMemberFallsBackToItsMostAccurateMemberRunOnTheDevice() throws {
    let (deployment, folder) = try savedZoo([("edge", modeArchitectures[1], 0.6), ("split", modeArchitectures[3], 0.8)])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let candidates = try deployment.candidates()
    #expect(candidates.map(\.name) == ["edge", "split", "split device-only"])
    #expect(candidates.map(\.onDevice) == [false, false, true])
    let server = try startEdge(deployment.models.map(\.model))
    defer {
        server.stop(drain: false)
        server.wait()
    }
    let table = try MemberTable.calibrated(
        deployment, edge: server.endpoint, options: DeviceOptions(system: fastSystem()), samples: samples(1, seed: 9))
    #expect(table.members[table.deviceOnly].name == "split device-only")
    #expect(table.members[table.deviceOnly].latency.bytes == 0)
    #expect(throws: CoInferenceError.self) { try deployment.model(named: "nobody") }
}

@Test func aMemberWhoseCommunicatesEncloseNothingCountsAsTheDeviceOnlyMember() throws {
    // Mode DED by its communicates, but nothing runs between them: its plan has no edge step (the searched
    // zoo of Sources/CoInference/README.md "Measured with a searched zoo" had such a winner).
    let bounce = "combine(16) | knn | comm | comm | combine(16) | pool(max+mean)"
    let (deployment, folder) = try savedZoo([("edge", modeArchitectures[1], 0.6), ("bounce", bounce, 0.7)])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(deployment.zoo.members.map(\.mode) == [.e, .ded])
    let candidates = try deployment.candidates()
    #expect(candidates.map(\.name) == ["edge", "bounce"], "no extra device-only member is added")
    let server = try startEdge(deployment.models.map(\.model))
    defer {
        server.stop(drain: false)
        server.wait()
    }
    let table = try MemberTable.calibrated(
        deployment, edge: server.endpoint, options: DeviceOptions(system: fastSystem()), samples: samples(1, seed: 9))
    #expect(table.members[table.deviceOnly].name == "bounce")
    #expect(table.members[table.deviceOnly].latency.bytes == 0)
}

@Test func aRetrainedMemberCandidatesWithItsRetrainedAccuracyAndTheZoosClassNames() throws {
    let architecture = try Architecture.parse(modeArchitectures[2], in: engineSpace)
    var generator = SeededGenerator(seed: 3)
    let model = try ArchitectureModel(architecture, space: engineSpace, dropout: 0, generator: &generator)
    let member = ZooMember(
        name: "split", architecture: architecture, target: SearchTarget(latencyBudgetSeconds: 1, bandwidthMbps: 40),
        bandwidthMbps: 40, cost: CostEstimate(latencySeconds: 0.01, deviceEnergyJoules: 0.1),
        score: ArchitectureScore(accuracy: 0.4, meanClassAccuracy: 0.4, loss: 1))
    let zoo = Zoo(space: engineSpace, members: [member], front: [], costModel: "test", accuracyModel: "test")
    let names = (0..<engineSpace.classes).map { "class\($0)" }
    let retrained = ZooRetraining(
        mode: .scratch, epochs: 2, seed: 1, batch: 4, learningRate: 0.01, accuracy: 0.8, meanClassAccuracy: 0.75,
        loss: 0.5)
    let folder = NSTemporaryDirectory() + "zoo-retrained-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try zoo.save(
        to: folder + "/zoo.h5",
        weights: ZooWeights(
            systemName: "pi-i7", models: ["split": model], input: ZooInput(classNames: names),
            retrained: ["split": retrained]))
    let deployment = try ZooDeployment.load(folder + "/zoo.h5")
    let candidates = try deployment.candidates()
    #expect(candidates.first { $0.name == "split" }?.accuracy == 0.8, "the accuracy of the weights it runs")
    #expect(try deployment.model(named: "split").classNames == names)
}
