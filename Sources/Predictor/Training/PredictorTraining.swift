import GNN
import Tensor

/// Trains a `PredictorModel` on measured samples: MAPE loss, GNN's Adam with a cosine learning-rate schedule,
/// seeded shuffling, early stopping on a validation split carved from the given samples (the caller keeps its
/// test split away from this call).
public enum PredictorTraining {
    /// The result of a run: the model of the best validation epoch and every epoch's figures (of the first
    /// member when `PredictorTrainingOptions.members` asks for an ensemble; each member keeps its own best epoch).
    public struct Result: Sendable {
        /// The model with the parameters of the best validation epoch.
        public var model: PredictorModel
        /// One entry per epoch run.
        public var history: [PredictorEpoch]
        /// The epoch whose parameters were kept.
        public var bestEpoch: Int
    }

    /// Trains on `samples` for `target`. With `groups` (one per sample, e.g. the architecture's index when
    /// one architecture is measured at several bandwidths), samples of a group all land in the same split, so
    /// early stopping judges architectures the network has not seen. Throws when there are too few samples
    /// for both splits or a target is not a positive finite number.
    public static func train(
        _ samples: [PredictorSample], target: PredictionTarget, options: PredictorTrainingOptions,
        groups: [Int]? = nil
    ) throws(PredictorError) -> Result {
        let origin = "predictor train"
        if let bad = samples.firstIndex(where: { !($0.target > 0 && $0.target.isFinite) }) {
            throw PredictorError(
                origin: origin, message: "sample \(bad) has target \(samples[bad].target); targets must be positive")
        }
        var generator = SeededGenerator(seed: options.seed)
        var validationCount = Int((Double(samples.count) * options.validationFraction).rounded())
        var grouped: [Int]?
        if let groups, groups.count == samples.count {
            let split = groupedOrder(groups, fraction: options.validationFraction, generator: &generator)
            grouped = split.order
            validationCount = split.validationCount
        }
        guard validationCount >= 1, samples.count - validationCount >= 1 else {
            throw PredictorError(
                origin: origin,
                message: "\(samples.count) samples leave no training or validation split at validation fraction "
                    + "\(options.validationFraction); measure more architectures")
        }
        let order = grouped ?? Array(samples.indices).shuffled(using: &generator)
        let validation = order.prefix(validationCount).map { samples[$0] }
        var training = order.dropFirst(validationCount).map { samples[$0] }
        if options.mode == .residual,
            let bad = samples.firstIndex(where: { !($0.graph.baseline(for: target) > 0) })
        {
            throw PredictorError(
                origin: origin,
                message: "sample \(bad) has baseline \(samples[bad].graph.baseline(for: target)); residual mode needs "
                    + "a positive baseline (node costs from a cost table), or train with mode absolute")
        }
        let scale =
            options.mode == .residual
            ? training.reduce(0) { $0 + $1.target / $1.graph.baseline(for: target) } / Double(training.count)
            : training.reduce(0) { $0 + $1.target } / Double(training.count)
        // Each member's parameters are drawn from a seed drawn from the run's generator; the model records the
        // run's seed. Members share the split and the scale; the first member's history is reported.
        var members: [(model: PredictorModel, history: [PredictorEpoch], bestEpoch: Int)] = []
        for _ in 0..<max(1, options.members) {
            var member = PredictorModel(
                network: options.network, target: target, targetScale: scale, seed: generator.next(),
                mode: options.mode)
            member.seed = options.seed
            let fitted = fit(
                &member, training: &training, validation: validation, options: options, generator: &generator)
            members.append((member, fitted.history, fitted.bestEpoch))
        }
        var model = members[0].model
        model.otherMembers = members.dropFirst().map(\.model.store)
        return Result(model: model, history: members[0].history, bestEpoch: members[0].bestEpoch)
    }

    /// Fits `model` (from its initial parameters) to `training` and keeps the parameters of its best epoch on
    /// `validation`; returns every epoch's figures and the best epoch.
    private static func fit(
        _ model: inout PredictorModel, training: inout [PredictorSample], validation: [PredictorSample],
        options: PredictorTrainingOptions, generator: inout SeededGenerator
    ) -> (history: [PredictorEpoch], bestEpoch: Int) {
        var optimiser = Adam()
        var best = (mape: Double.infinity, store: model.store, epoch: 0)
        var history: [PredictorEpoch] = []
        let validationGraphs = validation.map(\.graph)
        let validationTargets = validation.map(\.target)
        let schedule = CosineSchedule(
            initial: options.learningRate, minimum: options.minimumLearningRate, length: options.epochs)
        for epoch in 1...max(1, options.epochs) {
            let rate = schedule.rate(at: epoch - 1)
            training.shuffle(using: &generator)
            var lossSum = 0.0
            var steps = 0
            var start = 0
            while start < training.count {
                let chunk = training[start..<min(training.count, start + max(1, options.batchSize))]
                start += chunk.count
                let batch = model.batch(chunk.map(\.graph))
                let (output, tape) = model.network.forward(batch, store: model.store, threads: options.threads)
                let (loss, dOutput) = MAPELoss.evaluate(
                    predicted: model.lossInput(output),
                    targets: chunk.map { Float(model.normalisedTarget($0.target, graph: $0.graph)) })
                let gradients = model.network.backward(
                    dOutput, tape: tape, store: model.store, threads: options.threads)
                optimiser.step(&model.store, gradients: gradients, learningRate: rate)
                lossSum += loss
                steps += 1
            }
            let predicted = model.predict(validationGraphs, threads: options.threads)
            let mape = Metrics.mape(predicted: predicted, measured: validationTargets)
            history.append(PredictorEpoch(epoch: epoch, trainingLoss: lossSum / Double(steps), validationMAPE: mape))
            if mape < best.mape {
                best = (mape, model.store, epoch)
            } else if epoch - best.epoch >= options.patience {
                break
            }
        }
        model.store = best.store
        return (history, best.epoch)
    }

    /// Sample indices ordered validation first, whole groups at a time: the distinct groups shuffled, then
    /// groups taken into validation until they hold at least `fraction` of the samples (rounded).
    static func groupedOrder(_ groups: [Int], fraction: Double, generator: inout SeededGenerator) -> (
        order: [Int], validationCount: Int
    ) {
        var members: [Int: [Int]] = [:]
        for (index, group) in groups.enumerated() { members[group, default: []].append(index) }
        let shuffled = members.keys.sorted().shuffled(using: &generator)
        let wanted = Int((Double(groups.count) * fraction).rounded())
        var order: [Int] = []
        var validationCount = 0
        for group in shuffled {
            let indices = members[group] ?? []
            if validationCount < wanted { validationCount += indices.count }
            order += indices
        }
        return (order, validationCount)
    }
}
