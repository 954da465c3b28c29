import Glibc
import Design
import GNN
import HDF5
import Tensor
import Testing

@Test func layoutSizesEveryWeightForTheWidestViableInput() throws {
    let sampler = try ArchitectureSampler(space: trainingSpace)
    let layout = SupernetLayout(sampler)
    // Independent: enumerate every valid architecture and take the widest combine input per position.
    let ops = trainingSpace.allowedOperations
    var all: [[Operation]] = [[]]
    for _ in 0..<trainingSpace.positions { all = all.flatMap { prefix in ops.map { prefix + [$0] } } }
    var rows = [Int](repeating: 0, count: trainingSpace.positions)
    var head = 0
    for operations in all {
        guard let mapping = try? Architecture(operations).mapping(in: trainingSpace) else { continue }
        for step in mapping.steps where step.operation.type == .combine {
            rows[step.position] = max(rows[step.position], step.inputWidth)
        }
        head = max(head, mapping.head.widths[0])
    }
    #expect(layout.combineRows == rows)
    #expect(layout.headRows == head)
    #expect(layout.combineColumns.allSatisfy { $0 == 16 || $0 == 0 })
}

/// Central differences in Float32 on a few sliced weight entries; step 3e-4 (larger steps cross LeakyReLU kinks), tolerance 1 % of the larger
/// magnitude + 1e-3 (BatchNorm in training mode, no dropout, so the loss is deterministic).
@Test func pathGradientsMatchFiniteDifferencesAndStayInsideTheSlice() throws {
    let net = try Supernet(space: trainingSpace, options: quickOptions)
    let arch = try Architecture.parse("knn | agg(edgeconv,max) | combine(8) | pool(mean)", in: trainingSpace)
    let (points, labels) = Batching.gather(trainingData.train, indices: Array(0..<6))
    let (analytic, outside) = try net.gradientForTesting(arch, points: points, labels: labels, batch: 6)
    let name = "pos2/combine/weight"
    for (r, c) in [(0, 0), (3, 5), (5, 7), (1, 2)] {
        let h: Float = 3e-4
        let plus = try net.lossForTesting(arch, points: points, labels: labels, batch: 6, nudging: name, r, c, by: h)
        let minus = try net.lossForTesting(arch, points: points, labels: labels, batch: 6, nudging: name, r, c, by: -h)
        let numeric = (plus - minus) / (2 * h)
        let exact = analytic[name]?[r, c] ?? .nan
        #expect(
            abs(numeric - exact) <= 0.01 * max(abs(numeric), abs(exact)) + 1e-3, "[\(r), \(c)]: \(numeric) vs \(exact)")
    }
    #expect(outside == 0)
}

/// A narrower space (edgeconv/relative messages, max reducer, max or max+mean pool: 810 architectures) on
/// 96 clouds: 16 epochs of single-path training must bring the mean loss of the last four epochs below 85 %
/// of the first two (chance level is ln 3 ≈ 1.10).
@Test func tinySupernetTrainsAndItsLossFalls() throws {
    var space = trainingSpace
    space.messages = [.edgeConv, .relative]
    space.reducers = [.max]
    space.poolKinds = [.max, .maxMean]
    let data = try ShapesDataset(
        ShapesConfiguration(
            classes: [.sphere, .cylinder, .torus], trainPerClass: 32, testPerClass: 8, points: 32, seed: 3))
    var options = quickOptions
    options.training.epochs = 16
    var net = try Supernet(space: space, options: options)
    let reports = try net.train(on: data.train, threads: .single)
    #expect(reports.count == 16 && net.epoch == 16)
    let first = (reports[0].loss + reports[1].loss) / 2
    let last = reports[12...].map(\.loss).reduce(0, +) / 4
    #expect(last < 0.85 * first, "loss \(reports.map(\.loss))")
}

@Test func checkpointThenResumeEqualsAnUninterruptedRun() throws {
    var straight = try Supernet(space: trainingSpace, options: quickOptions)
    _ = try straight.train(on: trainingData.train, epochs: 2, threads: .single)

    let path = temporaryPath("resume")
    defer { unlink(path) }
    var first = try Supernet(space: trainingSpace, options: quickOptions)
    _ = try first.train(on: trainingData.train, epochs: 1, checkpoint: path, threads: .single)
    // Interrupt the second epoch half-way: the in-memory state is lost, the checkpoint is not.
    let cancel = Cancellation()
    let progress = Progress { done, _, _ in if done == 3 { cancel.cancel() } }
    #expect(throws: CancellationError.self) {
        try first.train(on: trainingData.train, epochs: 2, checkpoint: path, threads: .single, progress: progress, cancellation: cancel)
    }
    var resumed = try Supernet.load(path)
    #expect(resumed.epoch == 1)
    _ = try resumed.train(on: trainingData.train, epochs: 2, threads: .single)

    #expect(resumed.store == straight.store)
    #expect(resumed.optimizer == straight.optimizer)
    #expect(resumed.generator == straight.generator)
    #expect(resumed.history.map(\.loss) == straight.history.map(\.loss))
}

@Test func extractedModelGivesTheSupernetPathsLogits() throws {
    var net = try Supernet(space: trainingSpace, options: quickOptions)
    _ = try net.train(on: trainingData.train, epochs: 1, threads: .single)
    var generator = SeededGenerator(seed: 4)
    let (points, _) = Batching.gather(trainingData.test, indices: Array(0..<4))
    for arch in net.sampler.sample(12, using: &generator) {
        let expected = try net.logits(arch, points: points, batch: 4, threads: .single)
        var model = try net.extract(arch, threads: .single)
        let (logits, _) = model.forward(points, batch: 4, nodes: 32, training: false, generator: &generator, threads: .single)
        let scale = expected.scalars.map(abs).max() ?? 1
        let difference = zip(logits.scalars, expected.scalars).map { abs($0 - $1) }.max() ?? 0
        #expect(difference <= 1e-5 * max(scale, 1), "\(arch): \(difference)")
    }
}

@Test func recalibrationSetsRunningStatisticsToTheBatchAverage() throws {
    var options = quickOptions
    options.calibrationBatches = 1
    options.training.batchSize = 4
    let net = try Supernet(space: trainingSpace, options: options)
    let arch = try Architecture.parse("combine(8) | knn | agg(rel,max) | pool(max)", in: trainingSpace)
    let data = PointCloudSet(
        points: Tensor(shape: [4, 32, 3], scalars: Array(trainingData.train.points.scalars[0..<(4 * 32 * 3)])),
        labels: Array(trainingData.train.labels[0..<4]))
    let model = try net.extract(arch, calibration: data, threads: .single)
    // Independent: z = x · W over all 4·32 points, per-channel mean and unbiased variance by plain loops.
    let w = model.store.parameters["pos0/combine/weight"] ?? Tensor.zeros([3, 8])
    var z = [[Double]](repeating: [], count: 8)
    for n in 0..<(4 * 32) {
        for c in 0..<8 {
            var s = 0.0
            for i in 0..<3 { s += Double(data.points.scalars[n * 3 + i]) * Double(w[i, c]) }
            z[c].append(s)
        }
    }
    let mean = model.store.buffers["pos0/combine/bn/running_mean"] ?? Tensor.zeros([8])
    let variance = model.store.buffers["pos0/combine/bn/running_var"] ?? Tensor.zeros([8])
    for c in 0..<8 {
        let m = z[c].reduce(0, +) / Double(z[c].count)
        let v = z[c].map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(z[c].count - 1)
        #expect(abs(Double(mean[c]) - m) <= 1e-5 * max(abs(m), 1))
        #expect(abs(Double(variance[c]) - v) <= 1e-4 * max(v, 1))
    }
}

@Test func evaluationScoresAreCachedUntilTrainingChangesTheWeights() throws {
    var net = try Supernet(space: trainingSpace, options: quickOptions)
    _ = try net.train(on: trainingData.train, epochs: 1, threads: .single)
    let arch = try Architecture.parse("knn | agg(edgeconv,max) | combine(16) | pool(max)", in: trainingSpace)
    let score = try net.evaluate(arch, on: trainingData.test, calibration: trainingData.train, threads: .single)
    #expect(score.accuracy >= 0 && score.accuracy <= 1)
    #expect(net.scores[arch] == score)
    _ = try net.train(on: trainingData.train, epochs: 2, threads: .single)
    #expect(net.scores.isEmpty)
}

@Test func supernetAndModelFilesRoundTrip() throws {
    var net = try Supernet(space: trainingSpace, options: quickOptions)
    _ = try net.train(on: trainingData.train, epochs: 1, threads: .single)
    let supernetPath = temporaryPath("supernet")
    let modelPath = temporaryPath("model")
    defer {
        unlink(supernetPath)
        unlink(modelPath)
    }
    try net.save(to: supernetPath)
    #expect(Supernet.isSupernetFile(supernetPath))
    let loaded = try Supernet.load(supernetPath)
    #expect(loaded.store == net.store && loaded.space == net.space && loaded.options == net.options)
    #expect(loaded.history == net.history && loaded.generator == net.generator)

    let arch = try Architecture.parse("knn | agg(full,mean) | combine(16) | pool(mean+sum)", in: trainingSpace)
    let model = try net.extract(arch, calibration: trainingData.train, threads: .single)
    try model.save(to: modelPath, classNames: ["sphere", "cylinder", "torus"])
    #expect(ArchitectureModel.isArchitectureModelFile(modelPath))
    #expect(!ArchitectureModel.isArchitectureModelFile(supernetPath))
    let (back, names) = try ArchitectureModel.load(modelPath)
    #expect(back.store == model.store && back.architecture == arch && names.count == 3)
    #expect(throws: DesignError.self) { try Supernet.load(modelPath) }
}

@Test func anExtractedModelFineTunesWithTheGNNTrainer() throws {
    let net = try Supernet(space: trainingSpace, options: quickOptions)
    let arch = try Architecture.parse("knn | agg(edgeconv,max) | combine(16) | pool(max)", in: trainingSpace)
    var model = try net.extract(arch, threads: .single)
    let options = TrainingOptions(
        epochs: 2, batchSize: 8, optimizer: .adam(learningRate: 0.01, weightDecay: 0), labelSmoothing: 0, seed: 2)
    let reports = try Training.train(&model, on: trainingData.train, options: options)
    #expect(reports.count == 2 && reports.allSatisfy { $0.loss.isFinite })
    let evaluation = try Training.evaluate(model, on: trainingData.test, threads: .single)
    #expect(evaluation.count == trainingData.test.count)
}

@Test func dataThatDoesNotFitTheSpaceIsRejected() throws {
    var net = try Supernet(space: .small, options: quickOptions)
    #expect(throws: DesignError.self) { try net.train(on: trainingData.train, epochs: 1, threads: .single) }
}

@Test func fineTuningLowersTheLossOnItsData() throws {
    let net = try Supernet(space: trainingSpace, options: quickOptions)
    let arch = try Architecture.parse("knn | agg(edgeconv,max) | combine(16) | pool(max)", in: trainingSpace)
    var model = try net.extract(arch, calibration: trainingData.train, threads: .single)
    let before = try Training.evaluate(model, on: trainingData.train, threads: .single).loss
    model.fineTune(on: trainingData.train, steps: 30, batchSize: 8, learningRate: 0.01, seed: 1, threads: .single)
    let after = try Training.evaluate(model, on: trainingData.train, threads: .single).loss
    #expect(after < 0.9 * before, "\(before) → \(after)")
}
