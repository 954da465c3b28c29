import GNN
import HDF5
import Tensor

extension Supernet {
    /// Trains until `epochs` epochs are complete (default `options.training.epochs`) by single-path uniform
    /// sampling: every step draws a valid architecture uniformly, runs a batch through its path, and
    /// updates exactly the weights that path used (real backpropagation, `SliceOptimizer`).
    ///
    /// Each epoch shuffles the training set, drops an incomplete last batch, and anneals the learning rate
    /// on a cosine over `options.training.epochs`. After each epoch the report is appended to `history`, cached
    /// scores are dropped, and when `checkpoint` is given the whole supernet (weights, optimiser, random
    /// stream, history) is written there atomically, so `Supernet.load` + `train` continues exactly as an
    /// uninterrupted run would. Progress is reported per step. When cancelled between steps it throws
    /// `CancellationError`; the supernet then holds a partly trained epoch (resume from the checkpoint for
    /// an exact continuation).
    public mutating func train(
        on data: PointCloudSet, epochs: Int? = nil, checkpoint: String? = nil, progress: Progress = .silent,
        cancellation: Cancellation = .never
    ) throws -> [EpochReport] {
        let training = options.training
        let target = epochs ?? training.epochs
        let batchSize = max(training.batchSize, 2)
        try check(data, role: "training", minimum: batchSize)
        let steps = data.count / batchSize
        let schedule = CosineSchedule(
            initial: training.optimizer.learningRate, minimum: training.minimumLearningRate, length: training.epochs)
        let clock = ContinuousClock()
        var reports: [EpochReport] = []
        let firstEpoch = epoch
        while epoch < target {
            let start = clock.now
            let rate = schedule.rate(at: epoch)
            var order = Array(0..<data.count)
            order.shuffle(using: &generator)
            var lossSum = 0.0
            var correct = 0
            for step in 0..<steps {
                try cancellation.check()
                let chosen = Array(order[(step * batchSize)..<((step + 1) * batchSize)])
                let (loss, hits) = trainStep(data, indices: chosen, learningRate: rate)
                lossSum += Double(loss)
                correct += hits
                progress.report(
                    (epoch - firstEpoch) * steps + step + 1, of: (target - firstEpoch) * steps,
                    note: "epoch \(epoch + 1) loss \(Formatting.decimal(lossSum / Double(step + 1), places: 3))")
            }
            let seconds =
                Double((clock.now - start).components.seconds)
                + Double((clock.now - start).components.attoseconds) * 1e-18
            let report = EpochReport(
                epoch: epoch + 1, loss: lossSum / Double(steps),
                trainAccuracy: Double(correct) / Double(steps * batchSize), learningRate: rate, seconds: seconds)
            epoch += 1
            history.append(report)
            reports.append(report)
            scores.removeAll()
            if let checkpoint { try save(to: checkpoint) }
        }
        return reports
    }

    /// One step on the clouds at `indices` with a freshly sampled architecture; returns the loss and the
    /// number of correct predictions.
    mutating func trainStep(_ data: PointCloudSet, indices: [Int], learningRate: Float) -> (Float, Int) {
        let architecture = sampler.sample(using: &generator)
        var (points, labels) = Batching.gather(data, indices: indices)
        options.training.augmentation.apply(
            to: &points, batch: indices.count, nodes: data.pointsPerCloud, generator: &generator)
        let path = program(architecture)
        var none: BatchStatistics?
        let (logits, tape) = path.forward(
            points, batch: indices.count, nodes: data.pointsPerCloud, store: &store, training: true, statistics: &none,
            generator: &generator)
        guard let tape else { preconditionFailure("a training forward pass always records a tape") }
        let (loss, dLogits) = CrossEntropy.lossAndGradient(
            logits: logits, labels: labels, smoothing: options.training.labelSmoothing)
        let (gradients, regions) = path.backward(dLogits, tape: tape, store: store)
        optimizer.step(&store, gradients: gradients, regions: regions, learningRate: learningRate)
        let hits = zip(Batching.argmax(logits), labels).filter { $0 == Int($1) }.count
        return (loss, hits)
    }
}
