import Design
import Foundation
import GNN
import Tensor
import Testing

@testable import Systems

/// A table whose figures are distinct per key and side (device 1 ms per op id + 1 µs per input width, edge a
/// tenth of that), so a wrong lookup changes the sum.
private func handTable(_ keys: [CostKey], system: System) -> CostTable {
    var entries: [CostKey: CostEntry] = [:]
    for key in keys {
        let device = 1e-3 * Double(key.opID) + 1e-6 * Double(key.inputWidth) + (key.pooled ? 1e-7 : 0)
        entries[key] = CostEntry(
            deviceSeconds: device, edgeSeconds: device / 10, deviceJoules: device * system.device.power.active)
    }
    let conditions = ProfileConditions(
        cpu: "test", deviceThreads: 1, edgeThreads: 1, repeats: 3, warmup: 1, gemm: "test", seed: 7)
    return CostTable(system: system, spaceName: "small", points: 64, k: 4, conditions: conditions, entries: entries)
}

@Test func lutEstimateIsTheSumOfItsParts() throws {
    let space = DesignSpace.small
    let system = try #require(System.preset("pi-i7"))
    let table = handTable(Profiler.keys(for: space), system: system)
    let architecture = try Architecture.parse(
        "knn | agg(rel,max) | comm | combine(16) | pool(max) | id", in: space)
    let estimate = try LUTEstimate(
        mapping: try architecture.mapping(in: space), table: table,
        link: LinkProfile(megabitsPerSecond: 40, delay: 0.005))
    // Device: knn on 3 (op 3) and agg(rel,max) on 3 (op 2). Edge: combine(16) on 3 (op 1), pool(max) on 16
    // (op 4), head 16→32, 32→16 (op 6, pooled) and 16→10 (op 7, pooled).
    let device = (3e-3 + 3e-6) + (2e-3 + 3e-6)
    let edge =
        ((1e-3 + 3e-6) + (4e-3 + 16e-6) + (6e-3 + 16e-6 + 1e-7) + (6e-3 + 32e-6 + 1e-7) + (7e-3 + 16e-6 + 1e-7)) / 10
    // Frames: features [64, 3] f32 up = 32 + 16 + (2 + 8 + 1 + 1 + 8 + 768) = 836 bytes; logits [1, 10] down =
    // 32 + 16 + (2 + 6 + 1 + 1 + 8 + 40) = 106 bytes.
    #expect(estimate.frameBytes == [836, 106])
    let up = 836.0 * 8 / 40e6 + 0.005
    let down = 106.0 * 8 / 40e6 + 0.005
    let tolerance = 1e-12
    #expect(abs(estimate.deviceSeconds - device) < tolerance)
    #expect(abs(estimate.edgeSeconds - edge) < tolerance)
    #expect(abs(estimate.uplinkSeconds - up) < tolerance)
    #expect(abs(estimate.downlinkSeconds - down) < tolerance)
    #expect(abs(estimate.latency - (device + edge + up + down)) < tolerance)
    let joules = 6.4 * device + 2.7 * edge + 3.6 * up + 3.2 * down
    #expect(abs(estimate.deviceJoules - joules) < 1e-9)
}

@Test func costTableRoundTripsThroughHDF5() throws {
    let system = try #require(System.preset("tx2-i7"))
    let table = handTable(Array(Profiler.keys(for: .small).prefix(40)), system: system)
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lut-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("table.h5").path
    try table.save(to: path)
    let loaded = try CostTable.load(path)
    #expect(loaded.entries == table.entries)
    #expect(loaded.conditions == table.conditions)
    #expect(loaded.system.device == table.system.device)
    #expect(loaded.system.link == table.system.link)
    #expect(loaded.spaceName == "small" && loaded.points == 64 && loaded.k == 4)
}

@Test func profilerTimesEveryKeyOnBothSides() throws {
    let space = DesignSpace.small
    let system = try #require(System.preset("pi-i7"))
    let keys = Profiler.keys(for: space)
    #expect(keys.contains(CostKey(.knn, inputWidth: 3, pooled: false) ?? CostKey.head(widths: [1, 1], layer: 0)))
    let some = [keys.first { $0.opID == 3 }, keys.first { $0.opID == 2 }, keys.first { $0.opID == CostKey.headOutput }]
        .compactMap { $0 }
    let table = try Profiler(system: system, space: space, repeats: 3, warmup: 1).run(only: some)
    #expect(table.entries.count == 3)
    for (_, entry) in table.entries {
        #expect(entry.deviceSeconds > 0 && entry.edgeSeconds > 0)
        #expect(abs(entry.deviceJoules - 6.4 * entry.deviceSeconds) < 1e-12)
    }
}

@Test func robustMeanDropsOutliersOutside15IQR() {
    // Sorted 1, 2, 3, 4, 100: Q1 = 2, Q3 = 4, fences −1 and 7, so 100 is dropped and the mean is 2.5.
    let mean = RobustMean([4, 1, 100, 3, 2])
    #expect(mean.kept == 4)
    #expect(abs(mean.mean - 2.5) < 1e-12)
}

@Test func profiledKeysCoverEverySampledArchitecture() throws {
    let space = DesignSpace.small
    let system = try #require(System.preset("pi-i7"))
    let table = handTable(Profiler.keys(for: space), system: system)
    var generator = SeededGenerator(seed: 11)
    for architecture in try ArchitectureSampler(space: space).sample(300, using: &generator) {
        let estimate = try LUTEstimate(
            mapping: try architecture.mapping(in: space), table: table, link: system.link)
        #expect(estimate.latency > 0, "\(architecture.text)")
    }
}

/// Each frame names the communicate that sends it: device → edge at the first communicate, edge → device at
/// the second (only the graph comes back), and an edge head's logits with no position.
@Test func framesNameTheCommunicateThatSendsThem() throws {
    let space = DesignSpace.small
    let roundTrip = try Architecture.parse(
        "combine(8) | comm | knn | comm | agg(edgeconv,max) | pool(max)", in: space
    ).mapping(in: space)
    #expect(FrameSize.frames(of: roundTrip).map(\.position) == [1, 3])
    #expect(FrameSize.frames(of: roundTrip).map(\.from) == [.device, .edge])
    let edgeHead = try Architecture.parse("knn | comm | agg(edgeconv,max) | combine(16) | pool(max) | id", in: space)
        .mapping(in: space)
    #expect(FrameSize.frames(of: edgeHead).map(\.position) == [1, nil])
}

@Test func aTableServesOnlyTheSystemAndSpaceItWasProfiledOn() throws {
    let pi = try #require(System.preset("pi-i7"))
    let table = handTable(Array(Profiler.keys(for: .small).prefix(10)), system: pi)
    var space = DesignSpace.small
    #expect(table.isProfiled(on: pi, in: space))
    #expect(!table.isProfiled(on: try #require(System.preset("tx2-i7")), in: space))
    var slower = pi
    slower.device.factor = 12
    #expect(!table.isProfiled(on: slower, in: space))
    var remoteEdge = pi
    remoteEdge.edge.factor = 2
    #expect(!table.isProfiled(on: remoteEdge, in: space))
    space.k = 8
    #expect(!table.isProfiled(on: pi, in: space))
}
