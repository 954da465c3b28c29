import CoInference
import Design
import GNN
import Synchronization
import Systems
import Tensor
import Testing

/// A small space for engine tests: 6 positions, widths 8–32, P = 32, k = 4, 4 classes, head 16-8.
let engineSpace: DesignSpace = {
    var space = DesignSpace.small
    space.name = "engine-test"
    space.pointsPerCloud = 32
    space.classes = 4
    space.headWidths = [16, 8]
    return space
}()

/// One architecture per mapping mode (D, E, DE, ED, DED).
let modeArchitectures = [
    "knn | agg(edgeconv,max) | combine(16) | pool(max) | id | id",
    "comm | knn | agg(rel,mean) | combine(16) | pool(max+mean) | id",
    "knn | comm | agg(full,sum) | combine(8) | pool(max) | id",
    "comm | knn | agg(rel,max) | comm | combine(16) | pool(max)",
    "knn | comm | agg(rel,max) | comm | agg(rel,mean) | pool(max)",
]

/// An architecture model of `text` with random weights.
func architectureModel(_ text: String, seed: UInt64 = 1) throws -> DeployableModel {
    var generator = SeededGenerator(seed: seed)
    let architecture = try Architecture.parse(text, in: engineSpace)
    let model = try ArchitectureModel(architecture, space: engineSpace, dropout: 0, generator: &generator)
    return DeployableModel(architecture: model)
}

/// A small DGCNN (k = 4, EdgeConv 8-8-16, embedding 32, head 16, 4 classes) on 32 points.
func smallDGCNN(seed: UInt64 = 3) -> DeployableModel {
    var generator = SeededGenerator(seed: seed)
    let configuration = DGCNN.Configuration(
        classes: 4, k: 4, edgeWidths: [8, 8, 16], embedding: 32, hidden: [16], dropout: 0)
    return DeployableModel(baseline: .dgcnn(DGCNN(configuration, generator: &generator)), points: 32)
}

/// `count` random clouds of 32 points with labels 0..<4.
func samples(_ count: Int, seed: UInt64) -> [DeviceRuntime.Sample] {
    var generator = SeededGenerator(seed: seed)
    return (0..<count).map { i in
        DeviceRuntime.Sample(
            points: Tensor(shape: [32, 3], scalars: (0..<96).map { _ in generator.nextNormal() }), label: i % 4)
    }
}

/// A fast link (10 Gbit/s, no delay) on the pi-i7 device, for correctness tests.
func fastSystem(factor: Double = 1) -> System {
    var system =
        System.preset("pi-i7") ?? System(name: "x", device: System.pi4, edge: System.host, link: System.defaultLink)
    system.device.factor = factor
    system.link = LinkProfile(megabitsPerSecond: 10_000, delay: 0)
    return system
}

/// Collects log lines from many threads.
final class LogSink: Sendable {
    private let lines = Mutex<[String]>([])
    /// The sink as a closure.
    var write: @Sendable (String) -> Void { { line in self.lines.withLock { $0.append(line) } } }
    /// Everything logged so far.
    var all: [String] { lines.withLock { $0 } }
}

/// A started edge server serving `models` on an ephemeral loopback port.
func startEdge(_ models: [DeployableModel], edge: ProcessorProfile = System.host, log: LogSink = LogSink()) throws
    -> EdgeServer
{
    let server = try EdgeServer(EdgeServer.Configuration(models: models, edge: edge), log: log.write)
    server.start()
    return server
}

/// Largest |a − b| / max(1, |b|).
func relativeError(_ a: [Float], _ b: [Float]) -> Float {
    guard a.count == b.count else { return .infinity }
    return zip(a, b).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0
}

/// The in-process logits of `plan` for one sample.
func reference(_ plan: ExecutionPlan, _ sample: DeviceRuntime.Sample) throws -> [Float] {
    try plan.infer(points: sample.points.reshaped([1, 32, 3]), batch: 1, threads: .single).scalars
}
