import Foundation
import Design
import GNN
import Tensor
import Testing

@Test func anArchitectureModelFileLoadsAndPlansItsOwnMapping() throws {
    let model = try planModel("knn | comm | agg(full,sum) | combine(8) | pool(max) | id")
    let path = temporaryPath("deployable-architecture")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try model.save(to: path, classNames: ["a", "b", "c", "d"])
    let deployable = try DeployableModel.load(path)
    #expect(deployable.splitPoints == [0])
    #expect(deployable.classNames == ["a", "b", "c", "d"])
    #expect(deployable.identity == model.identity)
    let plan = try deployable.plan(split: nil)
    #expect(plan.identity == model.identity)
    #expect(plan.name == model.architecture.text)
    let points = planPoints(batch: 2, points: 32, seed: 11)
    #expect(
        try plan.infer(points: points, batch: 2, threads: .single)
            == model.plan().infer(points: points, batch: 2, threads: .single))
    #expect(throws: PlanError.self) { try deployable.plan(split: 2) }
}

@Test func aBaselineModelFileLoadsWithEverySplitPoint() throws {
    var generator = SeededGenerator(seed: 12)
    let baseline = BaselineModel.dgcnn(
        DGCNN(
            DGCNN.Configuration(classes: 3, k: 4, edgeWidths: [4, 6], embedding: 8, hidden: [6, 5]),
            generator: &generator))
    let path = temporaryPath("deployable-dgcnn")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try ModelFile.save(baseline, to: path)
    var deployable = try DeployableModel.load(path)
    deployable.points = 16
    #expect(deployable.splitPoints == Array(0...7))
    #expect(deployable.identity == baseline.identity)
    let points = planPoints(batch: 2, points: 16, seed: 13)
    let expected = baseline.logits(points, batch: 2, nodes: 16, threads: .single)
    for split in deployable.splitPoints {
        let plan = try deployable.plan(split: split)
        #expect(plan.identity == baseline.identity)
        #expect(plan.points == 16)
        #expect(relativeError(try plan.infer(points: points, batch: 2, threads: .single), expected) <= 1e-5)
    }
    #expect(try deployable.plan(split: nil).segments.map(\.side) == [.device])
}

@Test func aSupernetFileIsRefusedWithHowToDeployOneOfItsArchitectures() throws {
    let net = try Supernet(space: trainingSpace, options: quickOptions)
    let path = temporaryPath("deployable-supernet")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try net.save(to: path)
    #expect {
        try DeployableModel.load(path)
    } throws: { "\($0)".contains("extract") && "\($0)".contains(path) }
}

@Test func aSupernetPathPlansLikeItsExtractedModel() throws {
    let net = try Supernet(space: trainingSpace, options: quickOptions)
    var generator = SeededGenerator(seed: 14)
    let points = planPoints(batch: 2, points: 32, seed: 15)
    for architecture in net.sampler.sample(6, using: &generator) {
        let fromSupernet = try net.plan(architecture)
        let extracted = try net.extract(architecture, threads: .single).plan()
        #expect(fromSupernet.crossingNames == extracted.crossingNames)
        #expect(fromSupernet.segments == extracted.segments)
        let a = try fromSupernet.infer(points: points, batch: 2, threads: .single)
        let b = try extracted.infer(points: points, batch: 2, threads: .single)
        #expect(relativeError(a, b) <= 1e-5)
    }
}
