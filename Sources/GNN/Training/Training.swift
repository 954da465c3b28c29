import HDF5
import Tensor

/// Training and evaluation of point-cloud classifiers on a `PointCloudSet`.
public enum Training {
    /// Trains `model` for `options.epochs` epochs and returns one report per epoch.
    ///
    /// Reports progress after every step (`done` steps of `total`, note "epoch e loss l"). Checks
    /// `cancellation` between steps; when cancelled it throws `CancellationError` and `model` keeps the
    /// parameters of the last completed step. Throws `GNNError` (origin "train") when the options or the
    /// data do not fit (batch smaller than 2, fewer clouds than one batch, labels or cloud sizes the model
    /// cannot take).
    public static func train<Model: PointCloudClassifier>(
        _ model: inout Model, on data: PointCloudSet, options: TrainingOptions, progress: Progress = .silent,
        cancellation: Cancellation = .never
    ) throws -> [EpochReport] {
        if let problem = model.problem(with: data) { throw GNNError(origin: "train", message: problem) }
        guard options.batchSize >= 2 else {
            throw GNNError(origin: "train", message: "batch size \(options.batchSize) is too small (BatchNorm needs 2)")
        }
        guard options.epochs >= 1 else {
            throw GNNError(origin: "train", message: "epochs must be at least 1, got \(options.epochs)")
        }
        let steps = data.count / options.batchSize
        guard steps > 0 else {
            throw GNNError(
                origin: "train",
                message: "the training set has \(data.count) clouds, fewer than one batch of \(options.batchSize)")
        }
        var generator = SeededGenerator(seed: options.seed)
        var optimizer = options.optimizer.makeOptimizer()
        let schedule = CosineSchedule(
            initial: options.optimizer.learningRate, minimum: options.minimumLearningRate, length: options.epochs)
        let runner = EpochRunner(count: data.count, batchSize: options.batchSize, schedule: schedule)
        return try runner.run(
            epochs: 0..<options.epochs, generator: &generator, progress: progress, cancellation: cancellation
        ) { chosen, rate, generator in
            var (points, labels) = Batching.gather(data, indices: chosen)
            options.augmentation.apply(
                to: &points, batch: chosen.count, nodes: data.pointsPerCloud, generator: &generator)
            let (logits, tape) = model.forward(
                points, batch: chosen.count, nodes: data.pointsPerCloud, training: true, generator: &generator,
                threads: options.threads)
            let (loss, dLogits) = CrossEntropy.lossAndGradient(
                logits: logits, labels: labels, smoothing: options.labelSmoothing)
            let gradients = model.backward(dLogits, tape: tape, threads: options.threads)
            optimizer.step(&model.store, gradients: gradients, learningRate: rate)
            return (loss, zip(Batching.argmax(logits), labels).filter { $0 == Int($1) }.count)
        }
    }

    /// Evaluates `model` (BatchNorm running statistics, no dropout) on every cloud of `data`, its kernels on up
    /// to `threads.threads` threads. Throws `CancellationError` when cancelled and `GNNError` (origin
    /// "evaluate") when the data do not fit.
    public static func evaluate<Model: PointCloudClassifier>(
        _ model: Model, on data: PointCloudSet, batchSize: Int = 16, threads: ThreadBudget,
        progress: Progress = .silent, cancellation: Cancellation = .never
    ) throws -> Evaluation {
        if let problem = model.problem(with: data) { throw GNNError(origin: "evaluate", message: problem) }
        var model = model
        var generator = SeededGenerator(seed: 0)
        var predictions = [Int]()
        var lossSum = 0.0
        var start = 0
        while start < data.count && batchSize > 0 {
            try cancellation.check()
            let chosen = Array(start..<min(start + batchSize, data.count))
            let (points, labels) = Batching.gather(data, indices: chosen)
            let (logits, _) = model.forward(
                points, batch: chosen.count, nodes: data.pointsPerCloud, training: false, generator: &generator,
                threads: threads)
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
