import Design
import Foundation
import GNN
import Systems
import Tensor
import Testing

@testable import CoInference

private func temporaryPath(_ name: String) throws -> (directory: URL, path: String) {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("truth-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return (directory, directory.appendingPathComponent(name).path)
}

@Test func resumedMeasureReMeasuresNothing() throws {
    let space = DesignSpace.small
    let system = try #require(System.preset("pi-i7"))
    let truth = GroundTruth(system: system, space: space, bandwidths: [10, 100], repeats: 2, seed: 3)
    let (directory, path) = try temporaryPath("truth.h5")
    defer { try? FileManager.default.removeItem(at: directory) }
    let first = try truth.run(count: 2, path: path)
    #expect(first.measured == 4)
    #expect(first.measurement.records.count == 4)
    let loaded = try EngineMeasurement.load(path, space: space, system: system)
    #expect(loaded == first.measurement)
    let second = try truth.run(count: 3, previous: loaded, path: path)
    #expect(second.measured == 2)
    #expect(Array(second.measurement.records.prefix(4)) == first.measurement.records)
    let third = try truth.run(count: 3, previous: try EngineMeasurement.load(path, space: space, system: system))
    #expect(third.measured == 0)
    #expect(third.measurement.records.count == 6)
    for record in third.measurement.records {
        #expect(record.latency > 0 && record.energy > 0)
        #expect(record.latencyNoise >= 0 && record.energyNoise >= 0)
    }
}

@Test func lutFrameSizesAreTheBytesTheEngineSends() throws {
    let space = DesignSpace.small
    let system = try #require(System.preset("pi-i7"))
    for text in [
        "knn | agg(rel,max) | comm | combine(16) | pool(max) | id",
        "comm | knn | comm | agg(full,sum) | pool(max+mean) | combine(32)",
        "knn | comm | agg(edgeconv,mean) | pool(mean) | comm | id",
        "combine(8) | comm | knn | comm | agg(rel,max) | pool(max)",
        "knn | agg(source,sum) | pool(sum) | combine(16) | id | combine(8)",
    ] {
        let architecture = try Architecture.parse(text, in: space)
        let mapping = try architecture.mapping(in: space)
        var generator = SeededGenerator(seed: 9)
        let model = try ArchitectureModel(architecture, space: space, generator: &generator)
        let deployable = DeployableModel(architecture: model)
        let server = try EdgeServer(EdgeServer.Configuration(models: [deployable]), log: { _ in })
        server.start()
        defer { server.stop(drain: false) }
        let runtime = DeviceRuntime(
            plan: try deployable.plan(split: nil), split: nil, edge: server.endpoint,
            options: DeviceOptions(system: system), log: { _ in })
        let points = Tensor.randomNormal([space.pointsPerCloud, 3], generator: &generator)
        let report = try #require(try runtime.run([DeviceRuntime.Sample(points: points, label: nil)]).reports.first)
        var up = 0
        var down = 0
        for frame in FrameSize.frames(of: mapping) {
            if frame.from == .device { up += frame.bytes } else { down += frame.bytes }
        }
        #expect(report.bytesUp == up, "\(text)")
        #expect(report.bytesDown == down, "\(text)")
    }
}
