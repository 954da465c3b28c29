import HDF5
import Tensor

/// Training and evaluation of point-cloud classifiers on a `PointCloudSet`.
public enum Training {
    /// Trains `model` for `options.epochs` epochs and returns one report per epoch.
    ///
    /// Reports progress after every step (`done` steps of `total`, note "epoch e loss l"). Checks
    /// `cancellation` between steps; when cancelled it throws `CancellationError` and `model` keeps the
    /// parameters of the last completed step.
    public static func train<Model: PointCloudClassifier>(
        _ model: inout Model, on data: PointCloudSet, options: TrainingOptions, progress: Progress = .silent,
        cancellation: Cancellation = .never
    ) throws(CancellationError) -> [EpochReport] {
        precondition(options.batchSize >= 2, "training needs batches of at least 2 clouds")
        let steps = data.count / options.batchSize
        precondition(steps > 0, "the training set has fewer clouds than one batch")
        var generator = SeededGenerator(seed: options.seed)
        var optimizer = options.optimizer.makeOptimizer()
        let schedule = CosineSchedule(
            initial: options.optimizer.learningRate, minimum: options.minimumLearningRate, length: options.epochs)
        var reports = [EpochReport]()
        let clock = ContinuousClock()
        for epoch in 0..<options.epochs {
            let start = clock.now
            let rate = schedule.rate(at: epoch)
            var order = Array(0..<data.count)
            order.shuffle(using: &generator)
            var lossSum = 0.0
            var correct = 0
            for step in 0..<steps {
                try cancellation.check()
                let chosen = Array(order[(step * options.batchSize)..<((step + 1) * options.batchSize)])
                var (points, labels) = Batching.gather(data, indices: chosen)
                options.augmentation.apply(
                    to: &points, batch: chosen.count, nodes: data.pointsPerCloud, generator: &generator)
                let (logits, tape) = model.forward(
                    points, batch: chosen.count, nodes: data.pointsPerCloud, training: true, generator: &generator)
                let (loss, dLogits) = CrossEntropy.lossAndGradient(
                    logits: logits, labels: labels, smoothing: options.labelSmoothing)
                let gradients = model.backward(dLogits, tape: tape)
                optimizer.step(&model.store, gradients: gradients, learningRate: rate)
                lossSum += Double(loss)
                correct += zip(Batching.argmax(logits), labels).filter { $0 == Int($1) }.count
                progress.report(
                    epoch * steps + step + 1, of: options.epochs * steps,
                    note: "epoch \(epoch + 1) loss \(Batching.rounded(lossSum / Double(step + 1)))")
            }
            let seconds = (clock.now - start).seconds
            reports.append(
                EpochReport(
                    epoch: epoch + 1, loss: lossSum / Double(steps),
                    trainAccuracy: Double(correct) / Double(steps * options.batchSize), learningRate: rate,
                    seconds: seconds))
        }
        return reports
    }

    /// Evaluates `model` (BatchNorm running statistics, no dropout) on every cloud of `data`.
    public static func evaluate<Model: PointCloudClassifier>(
        _ model: Model, on data: PointCloudSet, batchSize: Int = 16, progress: Progress = .silent,
        cancellation: Cancellation = .never
    ) throws(CancellationError) -> Evaluation {
        var model = model
        var generator = SeededGenerator(seed: 0)
        var predictions = [Int]()
        var lossSum = 0.0
        var start = 0
        while start < data.count {
            try cancellation.check()
            let chosen = Array(start..<min(start + batchSize, data.count))
            let (points, labels) = Batching.gather(data, indices: chosen)
            let (logits, _) = model.forward(
                points, batch: chosen.count, nodes: data.pointsPerCloud, training: false, generator: &generator)
            let (loss, _) = CrossEntropy.lossAndGradient(logits: logits, labels: labels)
            lossSum += Double(loss) * Double(chosen.count)
            predictions += Batching.argmax(logits)
            start += chosen.count
            progress.report(start, of: data.count, note: "evaluating")
        }
        let classes = max(model.classes, data.classCount)
        return Evaluation(
            predictions: predictions, labels: data.labels, classes: classes,
            loss: data.count == 0 ? 0 : lossSum / Double(data.count))
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) * 1e-18
    }
}
