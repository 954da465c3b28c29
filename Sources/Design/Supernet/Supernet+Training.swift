import GNN
import HDF5
import Tensor

extension Supernet {
    /// Trains until `epochs` epochs are complete (default `options.training.epochs`) by single-path uniform
    /// sampling: every step draws a valid architecture uniformly, runs a batch through its path, and
    /// updates exactly the weights that path used (real backpropagation, `SliceOptimizer`).
    ///
    /// The epochs run through GNN's `EpochRunner`, as `Training.train` does: each epoch shuffles the
    /// training set, drops an incomplete last batch, and anneals the learning rate on a cosine over
    /// `options.training.epochs`. After each epoch the report is appended to `history`, cached
    /// scores are dropped, and when `checkpoint` is given the whole supernet (weights, optimiser, random
    /// stream, history) is written there atomically, so `Supernet.load` + `train` continues exactly as an
    /// uninterrupted run would. Progress is reported per step. When cancelled between steps it throws
    /// `CancellationError`; the supernet then holds a partly trained epoch (resume from the checkpoint for
    /// an exact continuation). Kernels run on up to `threads.threads` threads (a per-call setting, not saved:
    /// `options.training.threads` is not used here); the same budget on one machine gives the same weights.
    public mutating func train(
        on data: PointCloudSet, epochs: Int? = nil, checkpoint: String? = nil, threads: ThreadBudget,
        progress: Progress = .silent, cancellation: Cancellation = .never
    ) throws -> [EpochReport] {
        let training = options.training
        let target = epochs ?? training.epochs
        let batchSize = max(training.batchSize, 2)
        try check(data, role: "training", minimum: batchSize)
        let schedule = CosineSchedule(
            initial: training.optimizer.learningRate, minimum: training.minimumLearningRate, length: training.epochs)
        let runner = EpochRunner(count: data.count, batchSize: batchSize, schedule: schedule)
        var stream = generator
        defer { generator = stream }
        return try runner.run(
            epochs: epoch..<max(target, epoch), generator: &stream, progress: progress, cancellation: cancellation
        ) { chosen, rate, random in
            trainStep(data, indices: chosen, learningRate: rate, generator: &random, threads: threads)
        } completed: { report, random in
            generator = random
            epoch += 1
            history.append(report)
            scores.removeAll()
            if let checkpoint { try save(to: checkpoint) }
        }
    }

    /// One step on the clouds at `indices` with a freshly sampled architecture, drawing from `generator`;
    /// returns the loss and the number of correct predictions.
    mutating func trainStep(
        _ data: PointCloudSet, indices: [Int], learningRate: Float, generator: inout SeededGenerator,
        threads: ThreadBudget
    ) -> (Float, Int) {
        let architecture = sampler.sample(using: &generator)
        var (points, labels) = Batching.gather(data, indices: indices)
        options.training.augmentation.apply(
            to: &points, batch: indices.count, nodes: data.pointsPerCloud, generator: &generator)
        let path = program(architecture)
        var none: BatchStatistics?
        let (logits, tape) = path.forward(
            points, batch: indices.count, nodes: data.pointsPerCloud, store: &store, training: true, statistics: &none,
            generator: &generator, threads: threads)
        guard let tape else { preconditionFailure("a training forward pass always records a tape") }
        let (loss, dLogits) = CrossEntropy.lossAndGradient(
            logits: logits, labels: labels, smoothing: options.training.labelSmoothing)
        let (gradients, regions) = path.backward(dLogits, tape: tape, store: store, threads: threads)
        optimizer.step(&store, gradients: gradients, regions: regions, learningRate: learningRate)
        let hits = zip(Batching.argmax(logits), labels).filter { $0 == Int($1) }.count
        return (loss, hits)
    }
}
