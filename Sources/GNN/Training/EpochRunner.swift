import HDF5
import Tensor

/// The epoch loop every trainer shares: each epoch takes its learning rate from a cosine schedule,
/// shuffles the training set, runs its full batches (an incomplete last batch is dropped), checks for
/// cancellation before each step, and reports progress after each step and the mean loss and accuracy at
/// its end.
public struct EpochRunner: Sendable {
    /// Clouds in the training set.
    public var count: Int
    /// Clouds per step.
    public var batchSize: Int
    /// The learning rate of each epoch, indexed from 0.
    public var schedule: CosineSchedule

    /// A runner over `count` clouds in batches of `batchSize` (at least 1).
    public init(count: Int, batchSize: Int, schedule: CosineSchedule) {
        precondition(batchSize >= 1, "a batch holds at least one cloud")
        self.count = count
        self.batchSize = batchSize
        self.schedule = schedule
    }

    /// Full batches per epoch.
    public var steps: Int { count / batchSize }

    /// Runs the epochs `epochs` (indices from 0, so a resumed run starts past 0) and returns their reports.
    ///
    /// Each epoch first shuffles with `generator`, then calls `step` with the indices of each batch, the
    /// epoch's learning rate and the same generator; `step` returns the batch's loss and its number of
    /// correct predictions. After each epoch `completed` receives the report and the generator's state.
    /// Progress counts steps from the start of `epochs` (note "epoch e loss l"). When cancelled between
    /// steps it throws `CancellationError`, leaving `generator` where the last completed step left it. When a
    /// step returns a non-finite loss it throws `TrainingDiverged` (a step should then leave its weights as
    /// they were before it).
    public func run(
        epochs: Range<Int>, generator: inout SeededGenerator, progress: Progress = .silent,
        cancellation: Cancellation = .never,
        step: (_ indices: [Int], _ learningRate: Float, _ generator: inout SeededGenerator) throws -> (Float, Int),
        completed: (_ report: EpochReport, _ generator: SeededGenerator) throws -> Void = { _, _ in }
    ) throws -> [EpochReport] {
        let steps = self.steps
        let clock = ContinuousClock()
        var reports = [EpochReport]()
        for epoch in epochs {
            let start = clock.now
            let rate = schedule.rate(at: epoch)
            var order = Array(0..<count)
            order.shuffle(using: &generator)
            var lossSum = 0.0
            var correct = 0
            for index in 0..<steps {
                try cancellation.check()
                let chosen = Array(order[(index * batchSize)..<((index + 1) * batchSize)])
                let (loss, hits) = try step(chosen, rate, &generator)
                guard loss.isFinite else {
                    throw TrainingDiverged(
                        epoch: epoch + 1, step: index + 1, steps: steps, loss: loss, learningRate: rate)
                }
                lossSum += Double(loss)
                correct += hits
                progress.report(
                    (epoch - epochs.lowerBound) * steps + index + 1, of: epochs.count * steps,
                    note: "epoch \(epoch + 1) loss \(Batching.rounded(lossSum / Double(index + 1)))")
            }
            let report = EpochReport(
                epoch: epoch + 1, loss: lossSum / Double(steps),
                trainAccuracy: Double(correct) / Double(steps * batchSize), learningRate: rate,
                seconds: (clock.now - start).seconds)
            reports.append(report)
            try completed(report, generator)
        }
        return reports
    }
}
