import Design
import Foundation
import GNN
import HDF5
import Search
import Synchronization
import Tensor

/// A space small enough for debug builds: 4 positions, widths 8 and 16, P = 32, k = 4, 3 classes, head 16-8.
let searchSpace: DesignSpace = {
    var space = DesignSpace.small
    space.name = "search-test"
    space.positions = 4
    space.combineWidths = [8, 16]
    space.pointsPerCloud = 32
    space.classes = 3
    space.headWidths = [16, 8]
    space.maxFeatureWidth = 64
    return space
}()

/// Three shape classes, 16 training and 8 test clouds each, 32 points.
let searchData: ShapesDataset = {
    let configuration = ShapesConfiguration(
        classes: [.sphere, .cylinder, .torus], trainPerClass: 16, testPerClass: 8, points: 32, seed: 3)
    guard let data = try? ShapesDataset(configuration) else { preconditionFailure("shapes configuration is valid") }
    return data
}()

/// A supernet of `searchSpace` trained for two quick epochs (so scores differ between paths).
let searchSupernet: Supernet = {
    let options = SupernetOptions(
        training: TrainingOptions(
            epochs: 2, batchSize: 8, optimizer: .adam(learningRate: 0.01, weightDecay: 1e-4),
            minimumLearningRate: 0.001,
            labelSmoothing: 0, seed: 5),
        dropout: 0, calibrationBatches: 2)
    do {
        var supernet = try Supernet(space: searchSpace, options: options)
        _ = try supernet.train(on: searchData.train, threads: .single)
        return supernet
    } catch {
        preconditionFailure("the test supernet trains: \(error)")
    }
}()

/// The real accuracy evaluator on the test data, on `threads` threads.
func supernetAccuracy(threads: Int = 1) -> SupernetAccuracy {
    SupernetAccuracy(
        supernet: searchSupernet, validation: searchData.test, calibration: searchData.train,
        threads: ThreadBudget(threads: threads))
}

/// A slow device (10 MFLOP/s) and a fast edge (1 GFLOP/s) with 0.1 ms delay, so that for P = 32 both
/// compute and link matter at 10–100 Mbit/s.
let testCost = AnalyticCost(deviceFlopsPerSecond: 1e7, edgeFlopsPerSecond: 1e9, linkDelaySeconds: 1e-4)

/// A shared call counter (thread-safe).
final class CallCounter: Sendable {
    private let count = Mutex(0)
    /// Adds one call.
    func add() { count.withLock { $0 += 1 } }
    /// The calls so far.
    var value: Int { count.withLock { $0 } }
}

/// Counts the calls it forwards to a real cost evaluator.
struct CountingCost<Base: CostEvaluator>: CostEvaluator {
    let base: Base
    let calls = CallCounter()
    var name: String { base.name }
    func cost(of mapping: Mapping, bandwidthMbps: Double) throws -> CostEstimate {
        calls.add()
        return try base.cost(of: mapping, bandwidthMbps: bandwidthMbps)
    }
}

/// Counts the calls it forwards to a real accuracy evaluator.
struct CountingAccuracy<Base: AccuracyEvaluator>: AccuracyEvaluator {
    var base: Base
    let calls = CallCounter()
    var name: String { base.name }
    mutating func score(_ architecture: Architecture, cancellation: Cancellation) throws -> ArchitectureScore {
        calls.add()
        return try base.score(architecture, cancellation: cancellation)
    }
}

/// Latencies (s) of `count` architectures sampled with `seed`, at `bandwidth` Mbit/s, sorted.
func sampledLatencies(count: Int, seed: UInt64, bandwidth: Double) throws -> [Double] {
    let sampler = try ArchitectureSampler(space: searchSpace)
    var generator = SeededGenerator(seed: seed)
    return try sampler.sample(count, using: &generator).map {
        try testCost.cost(of: try $0.mapping(in: searchSpace), bandwidthMbps: bandwidth).latencySeconds
    }.sorted()
}

/// A fresh temporary folder for one test, removed when the value is released.
final class TemporaryFolder {
    let path: String

    init() throws {
        path =
            FileManager.default.temporaryDirectory.appendingPathComponent(
                "tandem-search-tests-\(getpid())-\(UUID().uuidString)"
            ).path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
