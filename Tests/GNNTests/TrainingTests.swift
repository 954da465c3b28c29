import HDF5
import Tensor
import Testing

@testable import GNN

@Test func sgdWithMomentumFollowsTheRecurrence() {
    var store = ParameterStore(parameters: ["w": Tensor(shape: [1], scalars: [1])])
    var sgd = SGD(momentum: 0.9, weightDecay: 0.1)
    let g = Gradients(values: ["w": Tensor(shape: [1], scalars: [0.5])])
    sgd.step(&store, gradients: g, learningRate: 0.1)
    // v = 0.5 + 0.1·1 = 0.6; w = 1 − 0.06 = 0.94.
    #expect(abs(store.parameter("w")[0] - 0.94) < 1e-6)
    sgd.step(&store, gradients: g, learningRate: 0.1)
    // v = 0.9·0.6 + 0.5 + 0.1·0.94 = 1.134; w = 0.94 − 0.1134.
    #expect(abs(store.parameter("w")[0] - (0.94 - 0.1134)) < 1e-6)
}

@Test func adamFirstStepMovesByTheLearningRate() {
    var store = ParameterStore(parameters: ["w": Tensor(shape: [2], scalars: [1, -1])])
    var adam = Adam()
    adam.step(&store, gradients: Gradients(values: ["w": Tensor(shape: [2], scalars: [3, -0.01])]), learningRate: 0.01)
    // The bias-corrected first step is lr · g/|g|.
    #expect(abs(store.parameter("w")[0] - 0.99) < 1e-5)
    #expect(abs(store.parameter("w")[1] - (-0.99)) < 1e-5)
}

@Test func cosineScheduleGoesFromInitialToMinimum() {
    let s = CosineSchedule(initial: 0.1, minimum: 0.001, length: 10)
    #expect(s.rate(at: 0) == 0.1)
    #expect(abs(s.rate(at: 5) - 0.0505) < 1e-6)
    #expect(abs(s.rate(at: 10) - 0.001) < 1e-7)
}

@Test func evaluationComputesOverallAndMeanClassAccuracy() {
    // Class 0: 3 of 4 right; class 1: 1 of 1 right; class 2: 0 of 1.
    let e = Evaluation(predictions: [0, 0, 0, 1, 1, 0], labels: [0, 0, 0, 0, 1, 2], classes: 3, loss: 0)
    #expect(abs(e.overallAccuracy - 4.0 / 6) < 1e-12)
    #expect(abs(e.meanClassAccuracy - (0.75 + 1 + 0) / 3) < 1e-12)
}

@Test func augmentationScalesShiftsAndJittersWithinBounds() {
    var points = Tensor(shape: [2 * 4, 3], repeating: 1)
    var g = SeededGenerator(seed: 9)
    Augmentation(jitter: 0).apply(to: &points, batch: 2, nodes: 4, generator: &g)
    for v in points.scalars { #expect(v >= 2 / 3 - 0.2 - 1e-6 && v <= 1.5 + 0.2 + 1e-6) }
    // Without jitter every point of a cloud moves the same way.
    #expect(points[0, 0] == points[3, 0] && points[4, 2] == points[7, 2])
    #expect(points[0, 0] != points[4, 0])
}

/// A small, easy shapes set: 3 classes, 32 points per cloud.
func smallShapes() throws -> ShapesDataset {
    try ShapesDataset(
        ShapesConfiguration(
            classes: [.sphere, .cube, .torus], trainPerClass: 48, testPerClass: 16, points: 64, rotation: .aboutZ,
            seed: 7))
}

@Test func pointNetTrainingCutsTheLossAndBeatsChance() throws {
    let data = try smallShapes()
    var generator = SeededGenerator(seed: 11)
    var model = PointNet(
        PointNet.Configuration(classes: 3, widths: [16, 32], hidden: [32, 16]), generator: &generator)
    let before = try Training.evaluate(model, on: data.test, threads: .single)
    let options = TrainingOptions(
        epochs: 3, batchSize: 8, optimizer: .adam(learningRate: 0.003, weightDecay: 0), labelSmoothing: 0, seed: 5)
    let reports = try Training.train(&model, on: data.train, options: options)
    let after = try Training.evaluate(model, on: data.test, threads: .single)
    #expect(reports.count == 3)
    #expect(reports[2].loss < reports[0].loss, "training loss \(reports.map(\.loss))")
    #expect(after.loss < before.loss, "test loss before \(before.loss), after \(after.loss)")
    // Chance is 1/3.
    #expect(after.overallAccuracy >= 0.6, "test accuracy \(after.overallAccuracy)")
}

@Test func dgcnnTrainingCutsTheLossAndBeatsChance() throws {
    let data = try smallShapes()
    var generator = SeededGenerator(seed: 12)
    var model = DGCNN(
        DGCNN.Configuration(classes: 3, k: 8, edgeWidths: [16, 16], embedding: 32, hidden: [32, 16]),
        generator: &generator)
    let before = try Training.evaluate(model, on: data.test, threads: .single)
    let options = TrainingOptions(
        epochs: 3, batchSize: 8, optimizer: .adam(learningRate: 0.01, weightDecay: 0), labelSmoothing: 0, seed: 6)
    let reports = try Training.train(&model, on: data.train, options: options)
    let after = try Training.evaluate(model, on: data.test, threads: .single)
    #expect(reports[2].loss < reports[0].loss, "training loss \(reports.map(\.loss))")
    #expect(after.loss < before.loss, "test loss before \(before.loss), after \(after.loss)")
    #expect(after.overallAccuracy >= 0.6, "test accuracy \(after.overallAccuracy)")
}

@Test func trainingStopsWhenCancelled() throws {
    let data = try smallShapes()
    var generator = SeededGenerator(seed: 13)
    var model = PointNet(PointNet.Configuration(classes: 3, widths: [8], hidden: [8, 8]), generator: &generator)
    let cancellation = Cancellation()
    cancellation.cancel()
    #expect(throws: CancellationError.self) {
        _ = try Training.train(
            &model, on: data.train, options: TrainingOptions(epochs: 1, batchSize: 8), cancellation: cancellation)
    }
}

@Test func trainingRejectsDataTheModelCannotTakeWithANamedError() throws {
    let data = try smallShapes()
    var generator = SeededGenerator(seed: 14)
    // Two classes for a three-class set: label 2 does not fit.
    var small = PointNet(PointNet.Configuration(classes: 2, widths: [4], hidden: [4, 4]), generator: &generator)
    #expect(throws: GNNError(origin: "train", message: "label 2 is outside the model's 2 classes")) {
        _ = try Training.train(&small, on: data.train, options: TrainingOptions(epochs: 1, batchSize: 8))
    }
    // k larger than the clouds.
    var dgcnn = DGCNN(
        DGCNN.Configuration(classes: 3, k: 100, edgeWidths: [4], embedding: 4, hidden: [4, 4]), generator: &generator)
    #expect(throws: GNNError(origin: "train", message: "clouds have 64 points, the model needs at least 100")) {
        _ = try Training.train(&dgcnn, on: data.train, options: TrainingOptions(epochs: 1, batchSize: 8))
    }
    var model = PointNet(PointNet.Configuration(classes: 3, widths: [4], hidden: [4, 4]), generator: &generator)
    #expect(throws: GNNError.self) {
        _ = try Training.train(&model, on: data.train, options: TrainingOptions(epochs: 1, batchSize: 1000))
    }
    #expect(throws: GNNError(origin: "nope", message: "unknown model 'nope' (known: dgcnn, pointnet)")) {
        _ = try BaselineModel(kind: "nope", classes: 3, seed: 1)
    }
    #expect(try BaselineModel(kind: "dgcnn", classes: 13, seed: 1).summary.hasPrefix("dgcnn: 13 classes"))
}
