import Design
import GNN
import Tensor
import Testing

/// A small space for plan tests: 6 positions, widths 8–32, P = 32, k = 4, 4 classes, head 16-8.
let planSpace: DesignSpace = {
    var space = DesignSpace.small
    space.name = "plan-test"
    space.pointsPerCloud = 32
    space.classes = 4
    space.headWidths = [16, 8]
    return space
}()

/// An architecture model of `text` in `planSpace` with random weights and random BatchNorm running
/// statistics (so evaluation-mode BatchNorm is exercised), no dropout.
func planModel(_ text: String, seed: UInt64 = 1) throws -> ArchitectureModel {
    var generator = SeededGenerator(seed: seed)
    let architecture = try Architecture.parse(text, in: planSpace)
    var model = try ArchitectureModel(architecture, space: planSpace, dropout: 0, generator: &generator)
    for (name, value) in model.store.buffers {
        let isVariance = name.hasSuffix("running_var")
        model.store.buffers[name] = Tensor(
            shape: value.shape,
            scalars: (0..<value.count).map { _ in
                isVariance ? 0.5 + generator.nextUniform() : 0.2 * generator.nextNormal()
            })
    }
    return model
}

/// Random points [B·P, 3].
func planPoints(batch: Int, points: Int, seed: UInt64) -> Tensor {
    var generator = SeededGenerator(seed: seed)
    return Tensor(shape: [batch * points, 3], scalars: (0..<(batch * points * 3)).map { _ in generator.nextNormal() })
}

/// Largest |a − b| / max(1, |b|) (1e-5 is the documented tolerance: both sides run the same kernels, so
/// differences come only from summation order, which is identical here).
func relativeError(_ a: Tensor, _ b: Tensor) -> Float {
    precondition(a.shape == b.shape, "shapes differ: \(a.shape) vs \(b.shape)")
    return zip(a.scalars, b.scalars).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0
}

/// One architecture per mode, and the cases of the graph-crossing rule.
let modeArchitectures: [(mode: String, text: String)] = [
    ("D", "knn | agg(edgeconv,max) | combine(16) | pool(max) | id | id"),
    ("E", "comm | knn | agg(rel,mean) | combine(16) | pool(max+mean) | id"),
    ("DE", "knn | comm | agg(full,sum) | combine(8) | pool(max) | id"),
    ("DE", "knn | agg(rel,max) | comm | knn | agg(source,max) | pool(mean)"),
    ("ED", "comm | knn | agg(rel,max) | comm | combine(16) | pool(max)"),
    ("DED", "combine(8) | knn | comm | agg(edgeconv,max) | comm | pool(max)"),
    ("DED", "knn | comm | combine(8) | comm | agg(rel,max) | pool(max)"),
    ("DED", "knn | comm | agg(rel,max) | comm | agg(rel,mean) | pool(max)"),
    ("DE", "knn | agg(rel,max) | pool(max) | comm | id | id"),
]

@Test(arguments: modeArchitectures.indices)
func splitLogitsEqualTheWholeModelsInEveryMode(_ index: Int) throws {
    let (mode, text) = modeArchitectures[index]
    let model = try planModel(text)
    #expect(try model.architecture.mapping(in: planSpace).mode.rawValue == mode)
    let points = planPoints(batch: 3, points: 32, seed: 7)
    var reference = model
    var generator = SeededGenerator(seed: 0)
    let expected = reference.forward(
        points, batch: 3, nodes: 32, training: false, generator: &generator, threads: .single
    ).0
    let plan = try model.plan()
    let logits = try plan.infer(points: points, batch: 3, threads: .single)
    #expect(relativeError(logits, expected) <= 1e-5)
    let device = try plan.onDevice().infer(points: points, batch: 3, threads: .single)
    #expect(relativeError(device, expected) <= 1e-5)
    #expect(plan.onDevice().segments.count == 1)
    let sides = plan.segments.filter { !$0.steps.isEmpty }.map { $0.side == .device ? "D" : "E" }
    #expect(sides.joined() == mode)
}
