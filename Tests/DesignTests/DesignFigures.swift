import Design
import GNN
import Glibc
import HDF5
import Tensor
import Synchronization
import Testing

/// Figures for the closing note, run only when `TANDEM_FIGURES` is set, in release:
/// `TANDEM_FIGURES=1 swift test -c release --filter DesignFigures`. They print their results (prefixed
/// `FIGURE`) and check only that the runs complete.
@Suite(.enabled(if: getenv("TANDEM_FIGURES") != nil))
struct DesignFigures {
    /// Supernet training time in the paper space (12 positions, k 20, 1024 points) on the default shapes
    /// data (13 classes, 100 training clouds each, batch 16 → 81 steps per epoch): `TANDEM_FIGURE_STEPS`
    /// steps (default 40) of one epoch on a random subset are timed, and the epoch time is the measured mean
    /// step time × 81.
    @Test func supernetEpochTimeInThePaperSpace() throws {
        let steps = Int(String(cString: getenv("TANDEM_FIGURE_STEPS") ?? strdup("40"))) ?? 40
        let data = try ShapesDataset(ShapesConfiguration(trainPerClass: 100, testPerClass: 0))
        let subset = Batching.gather(data.train, indices: Array(0..<(steps * 16)).map { ($0 * 37) % data.train.count })
        let train = PointCloudSet(
            points: subset.0.reshaped([steps * 16, 1024, 3]), labels: subset.1, classNames: data.train.classNames)
        var space = DesignSpace.paper
        space.classes = data.train.classCount
        var net = try Supernet(space: space, options: SupernetOptions(training: TrainingOptions(epochs: 1, batchSize: 16)))
        let recorder = StepRecorder()
        let progress = Progress { _, _, _ in recorder.tick() }
        _ = try net.train(on: train, epochs: 1, threads: .single, progress: progress)
        let stepTimes = recorder.intervals
        let sorted = stepTimes.sorted()
        let mean = stepTimes.reduce(0, +) / Double(stepTimes.count)
        print(
            "FIGURE supernet paper space: \(stepTimes.count) steps, mean \(mean) s/step, median "
                + "\(sorted[sorted.count / 2]) s/step, min \(sorted[0]), max \(sorted[sorted.count - 1]); "
                + "epoch of 81 steps ≈ \(mean * 81) s; threads 1")
    }
}

extension DesignFigures {
    /// Ranking quality of inherited weights in the small space (6 positions, widths 8–32, k 4, 64 points) on
    /// shapes at 64 points (13 classes, 40 training and `TANDEM_FIGURE_VALIDATION_PER_CLASS` (default 15)
    /// validation clouds each): a supernet trained for `TANDEM_FIGURE_SUPERNET_EPOCHS` epochs (default 40;
    /// Adam `TANDEM_FIGURE_SUPERNET_LR_PER_MILLE`/1000, default 3e-3; batch `TANDEM_FIGURE_SUPERNET_BATCH`,
    /// default 16; dropout `TANDEM_FIGURE_SUPERNET_DROPOUT_PERCENT`, default 0; seed
    /// `TANDEM_FIGURE_SUPERNET_SEED`, default 11) scores 30 distinct sampled architectures with inherited
    /// weights (BN recalibrated on `TANDEM_FIGURE_CALIBRATION_BATCHES` batches, default 5); each is also trained
    /// from scratch for `TANDEM_FIGURE_STANDALONE_EPOCHS` epochs (default 15) with GNN's trainer. Printed: Kendall
    /// τ-b between inherited and standalone validation accuracy, τ-b of minus the inherited validation loss, and
    /// as the noise ceiling τ-b between two standalone trainings of each architecture with different seeds.
    /// With `TANDEM_FIGURE_FINE_TUNE_STEPS` the extracted paths are fine-tuned first, and as a control the same
    /// fine-tuning from a fresh initialisation is ranked too.
    @Test func rankingQualityOfInheritedWeights() throws {
        func setting(_ name: String, _ fallback: Int) -> Int {
            guard let raw = getenv(name) else { return fallback }
            return Int(String(cString: raw)) ?? fallback
        }
        let supernetEpochs = setting("TANDEM_FIGURE_SUPERNET_EPOCHS", 40)
        let standaloneEpochs = setting("TANDEM_FIGURE_STANDALONE_EPOCHS", 15)
        let data = try ShapesDataset(
            ShapesConfiguration(
                trainPerClass: 40, testPerClass: setting("TANDEM_FIGURE_VALIDATION_PER_CLASS", 15), points: 64, seed: 7)
        )
        var space = DesignSpace.small
        space.classes = data.train.classCount
        if getenv("TANDEM_FIGURE_NO_SUM") != nil {
            space.reducers = [.max, .mean]
            space.poolKinds = [.max, .mean, .maxMean]
        }
        let learningRate = Float(setting("TANDEM_FIGURE_SUPERNET_LR_PER_MILLE", 3)) / 1000
        let optimizer: OptimizerChoice =
            getenv("TANDEM_FIGURE_SUPERNET_SGD") != nil
            ? .sgd(learningRate: learningRate, momentum: 0.9, weightDecay: 1e-4)
            : .adam(learningRate: learningRate, weightDecay: 1e-4)
        let options = SupernetOptions(
            training: TrainingOptions(
                epochs: supernetEpochs, batchSize: setting("TANDEM_FIGURE_SUPERNET_BATCH", 16), optimizer: optimizer,
                minimumLearningRate: learningRate / 30, labelSmoothing: 0.1,
                seed: UInt64(setting("TANDEM_FIGURE_SUPERNET_SEED", 11))),
            dropout: Float(setting("TANDEM_FIGURE_SUPERNET_DROPOUT_PERCENT", 0)) / 100,
            calibrationBatches: setting("TANDEM_FIGURE_CALIBRATION_BATCHES", 5),
            fineTuneSteps: setting("TANDEM_FIGURE_FINE_TUNE_STEPS", 0))
        var net = try Supernet(space: space, options: options)
        let clock = ContinuousClock()
        let start = clock.now
        _ = try net.train(on: data.train, threads: .single)
        let supernetTime = clock.now - start
        let lastEpoch = net.history.last.map { "loss \($0.loss), train accuracy \($0.trainAccuracy)" } ?? ""
        print("FIGURE supernet \(options.training.optimizer) dropout \(options.dropout): last epoch \(lastEpoch)")
        var generator = SeededGenerator(seed: 99)
        var architectures: [Architecture] = []
        while architectures.count < 30 {
            let candidate = net.sampler.sample(using: &generator)
            if !architectures.contains(candidate) { architectures.append(candidate) }
        }
        var inherited: [Double] = []
        var inheritedLoss: [Double] = []
        var scratch: [Double] = []
        var standalone: [Double] = []
        var repeated: [Double] = []
        for (index, architecture) in architectures.enumerated() {
            let score = try net.evaluate(architecture, on: data.test, calibration: data.train, threads: .single)
            inherited.append(score.accuracy)
            inheritedLoss.append(-score.loss)
            if options.fineTuneSteps > 0 {
                // Control: the same fine-tuning from a fresh initialisation instead of the supernet's weights.
                var freshGenerator = SeededGenerator(seed: UInt64(index + 5001))
                var fresh = try ArchitectureModel(
                    architecture, space: space, dropout: options.dropout, generator: &freshGenerator)
                fresh.fineTune(
                    on: data.train, steps: options.fineTuneSteps, batchSize: 16,
                    learningRate: options.training.optimizer.learningRate, seed: options.training.seed, threads: .single)
                scratch.append(try Training.evaluate(fresh, on: data.test, threads: .single).overallAccuracy)
            }
            for seed in [UInt64(index + 1), UInt64(index + 1001)] {
                var modelGenerator = SeededGenerator(seed: seed)
                var model = try ArchitectureModel(architecture, space: space, dropout: 0.3, generator: &modelGenerator)
                let training = TrainingOptions(
                    epochs: standaloneEpochs, batchSize: 16, optimizer: .adam(learningRate: 3e-3, weightDecay: 1e-4),
                    minimumLearningRate: 1e-4, labelSmoothing: 0.1, seed: seed)
                _ = try Training.train(&model, on: data.train, options: training)
                let accuracy = try Training.evaluate(model, on: data.test, threads: .single).overallAccuracy
                if seed <= 1000 { standalone.append(accuracy) } else { repeated.append(accuracy) }
            }
            print("FIGURE arch \(index): inherited \(inherited[index]) standalone \(standalone[index]) \(architecture)")
        }
        let tau = kendallTauB(inherited, standalone)
        print("FIGURE Kendall tau-b of minus the inherited validation loss: \(kendallTauB(inheritedLoss, standalone))")
        if !scratch.isEmpty {
            print(
                "FIGURE control: the same \(options.fineTuneSteps) fine-tune steps from a fresh initialisation: "
                    + "Kendall tau-b \(kendallTauB(scratch, standalone)), mean accuracy \(scratch.reduce(0, +) / 30)")
        }
        print(
            "FIGURE noise ceiling: Kendall tau-b between two standalone trainings (other seeds) "
                + "\(kendallTauB(standalone, repeated))")
        print(
            "FIGURE mean inherited accuracy \(inherited.reduce(0, +) / 30), mean standalone \(standalone.reduce(0, +) / 30)"
        )
        print(
            "FIGURE ranking (fine-tune steps \(options.fineTuneSteps)): Kendall tau-b \(tau) over \(architectures.count) architectures; supernet "
                + "\(supernetEpochs) epochs in \(supernetTime), standalone \(standaloneEpochs) epochs each; total \(clock.now - start)"
        )
        #expect(tau.isFinite)
    }
}

/// Kendall's τ-b of two equally long samples (ties in either sample handled by the τ-b correction).
func kendallTauB(_ a: [Double], _ b: [Double]) -> Double {
    var concordant = 0.0
    var discordant = 0.0
    var tiesA = 0.0
    var tiesB = 0.0
    for i in a.indices {
        for j in (i + 1)..<a.count {
            let da = a[i] - a[j]
            let db = b[i] - b[j]
            if da == 0 && db == 0 { continue }
            if da == 0 {
                tiesA += 1
            } else if db == 0 {
                tiesB += 1
            } else if (da > 0) == (db > 0) {
                concordant += 1
            } else {
                discordant += 1
            }
        }
    }
    let denominator = ((concordant + discordant + tiesA) * (concordant + discordant + tiesB)).squareRoot()
    return denominator == 0 ? .nan : (concordant - discordant) / denominator
}

/// Records the time between successive calls (thread-safe, for progress handlers).
final class StepRecorder: Sendable {
    private let state = Mutex<(last: ContinuousClock.Instant, intervals: [Double])>((ContinuousClock.now, []))

    /// Records the time since the previous call (or since creation).
    func tick() {
        state.withLock { s in
            let now = ContinuousClock.now
            let d = (now - s.last).components
            s.intervals.append(Double(d.seconds) + Double(d.attoseconds) * 1e-18)
            s.last = now
        }
    }

    /// The recorded intervals in seconds.
    var intervals: [Double] { state.withLock { $0.intervals } }
}
