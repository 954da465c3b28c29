import Tensor
import Testing

@testable import GNN

/// Runs `epochs` recording each step's batch; every step returns loss = first index, hits = 1.
private func record(
    _ runner: EpochRunner, epochs: Range<Int>, generator: inout SeededGenerator
) throws -> (batches: [[Int]], reports: [EpochReport]) {
    var batches: [[Int]] = []
    let reports = try runner.run(epochs: epochs, generator: &generator) { chosen, _, random in
        batches.append(chosen)
        _ = random.next()
        return (Float(chosen[0]), 1)
    }
    return (batches, reports)
}

@Test func epochRunnerDropsTheIncompleteBatchAndAveragesTheSteps() throws {
    let runner = EpochRunner(
        count: 11, batchSize: 3, schedule: CosineSchedule(initial: 0.1, minimum: 0.001, length: 2))
    var generator = SeededGenerator(seed: 4)
    let (batches, reports) = try record(runner, epochs: 0..<2, generator: &generator)
    #expect(batches.count == 6 && batches.allSatisfy { $0.count == 3 })
    for epoch in 0..<2 {
        let seen = batches[(epoch * 3)..<(epoch * 3 + 3)].flatMap { $0 }
        #expect(Set(seen).count == 9 && seen.allSatisfy { (0..<11).contains($0) })
        let meanFirst = batches[(epoch * 3)..<(epoch * 3 + 3)].map { Double($0[0]) }.reduce(0, +) / 3
        #expect(reports[epoch].loss == meanFirst)
        #expect(reports[epoch].trainAccuracy == 1.0 / 3)
        #expect(reports[epoch].learningRate == runner.schedule.rate(at: epoch))
    }
    #expect(reports.map(\.epoch) == [1, 2])
}

@Test func epochRunnerResumedMidScheduleRepeatsTheUninterruptedRun() throws {
    let runner = EpochRunner(
        count: 10, batchSize: 4, schedule: CosineSchedule(initial: 0.1, minimum: 0.001, length: 3))
    var straight = SeededGenerator(seed: 9)
    let whole = try record(runner, epochs: 0..<3, generator: &straight)
    var split = SeededGenerator(seed: 9)
    let first = try record(runner, epochs: 0..<1, generator: &split)
    let rest = try record(runner, epochs: 1..<3, generator: &split)
    #expect(first.batches + rest.batches == whole.batches)
    #expect((first.reports + rest.reports).map(\.loss) == whole.reports.map(\.loss))
    #expect((first.reports + rest.reports).map(\.learningRate) == whole.reports.map(\.learningRate))
    #expect(rest.reports.map(\.epoch) == [2, 3] && split == straight)
}
