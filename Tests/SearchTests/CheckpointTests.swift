import Design
import HDF5
import Search
import Tensor
import Synchronization
import Testing

@Suite struct CheckpointTests {
    /// Two bandwidths, a latency budget that rejects about half, and enough generations to stop in between.
    func makeState() throws -> SearchState {
        let budget = try sampledLatencies(count: 20, seed: 11, bandwidth: 10)[10]
        return try SearchState(
            space: searchSpace,
            targets: SearchTarget.grid(latencyBudgetSeconds: budget, energyBudgetJoules: 1, bandwidthsMbps: [10, 100]),
            options: SearchOptions(samples: 8, generations: 3, children: 4, parents: 2, seed: 17))
    }

    @Test func resumedSearchEqualsTheUninterruptedRunAndReevaluatesNothing() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("search.h5")
        var uninterrupted = try makeState()
        var accuracy = supernetAccuracy()
        try uninterrupted.run(cost: testCost, accuracy: &accuracy)

        var first = try makeState()
        let firstCost = CountingCost(base: testCost)
        var firstAccuracy = CountingAccuracy(base: supernetAccuracy())
        try first.run(cost: firstCost, accuracy: &firstAccuracy, checkpoint: path, stopBefore: 2)
        #expect(first.nextGeneration == 2 && !first.isFinished)
        let loaded = try SearchState.load(from: path)
        #expect(loaded == first, "the checkpoint holds the whole state")

        var resumed = loaded
        let cost = CountingCost(base: testCost)
        var resumedAccuracy = CountingAccuracy(base: supernetAccuracy())
        try resumed.run(cost: cost, accuracy: &resumedAccuracy, checkpoint: path)
        #expect(resumed == uninterrupted, "resume must continue exactly as the uninterrupted run")
        #expect(resumed.designs.count > first.designs.count)
        // Only designs new after the checkpoint were evaluated.
        #expect(cost.calls.value == uninterrupted.counters.costCalls - first.counters.costCalls)
        #expect(resumedAccuracy.calls.value == uninterrupted.counters.accuracyCalls - first.counters.accuracyCalls)
        #expect(firstCost.calls.value + cost.calls.value == uninterrupted.counters.costCalls)
        #expect(try SearchState.load(from: path) == uninterrupted)

        // Resuming a finished search evaluates nothing.
        var again = try SearchState.load(from: path)
        let idle = CountingCost(base: testCost)
        var idleAccuracy = CountingAccuracy(base: supernetAccuracy())
        try again.run(cost: idle, accuracy: &idleAccuracy)
        #expect(idle.calls.value == 0 && idleAccuracy.calls.value == 0)
    }

    @Test func resumeChecksTheSettingsAndCanExtendAFinishedSearch() throws {
        var state = try makeState()
        var accuracy = supernetAccuracy()
        try state.run(cost: testCost, accuracy: &accuracy)
        try state.checkResumable(space: state.space, targets: state.targets, options: state.options)
        var other = state.options
        other.seed += 1
        #expect(throws: SearchError.self) {
            try state.checkResumable(space: state.space, targets: state.targets, options: other)
        }
        #expect(throws: SearchError.self) {
            try state.checkResumable(
                space: state.space, targets: Array(state.targets.prefix(1)), options: state.options)
        }
        // Extending a finished 3-generation search to 4 equals a 4-generation search from the start.
        var extended = try state.extended(toGenerations: 4)
        #expect(!extended.isFinished)
        try extended.run(cost: testCost, accuracy: &accuracy)
        var options = state.options
        options.generations = 4
        var direct = try SearchState(space: state.space, targets: state.targets, options: options)
        var fresh = supernetAccuracy()
        try direct.run(cost: testCost, accuracy: &fresh)
        #expect(extended == direct)
    }

    @Test func progressReportsEveryCandidateWithTheBestSoFar() throws {
        let notes = NoteLog()
        var state = try makeState()
        var accuracy = supernetAccuracy()
        try state.run(
            cost: testCost, accuracy: &accuracy,
            progress: Progress { done, total, note in notes.add(done, total, note) })
        let reports = notes.all
        #expect(reports.map(\.0) == Array(1...state.options.candidateBudget))
        #expect(reports.allSatisfy { $0.1 == state.options.candidateBudget })
        #expect(reports.last?.2.hasPrefix("best ") == true)
        #expect(reports.last?.2.contains("Mbit/s") == true)
    }

    @Test func cancelledGenerationLeavesTheStateAtTheLastCompletedOne() throws {
        var state = try makeState()
        var accuracy = supernetAccuracy()
        try state.runGeneration(cost: testCost, accuracy: &accuracy)
        let before = state
        let cancellation = Cancellation()
        cancellation.cancel()
        #expect(throws: CancellationError.self) {
            try state.runGeneration(cost: testCost, accuracy: &accuracy, cancellation: cancellation)
        }
        #expect(state == before)
    }

    @Test func loadingAFileThatIsNotACheckpointNamesTheProblem() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("other.h5")
        try HDF5File.write(to: path) { file in try file.setAttribute("tandem_kind", to: .string("tandem-zoo")) }
        #expect {
            _ = try SearchState.load(from: path)
        } throws: { error in
            "\(error)".contains("not a search checkpoint") && "\(error)".contains(path)
        }
    }
}

/// Collects progress reports from any thread.
final class NoteLog: Sendable {
    private let reports = Mutex<[(Int, Int, String)]>([])
    func add(_ done: Int, _ total: Int, _ note: String) { reports.withLock { $0.append((done, total, note)) } }
    var all: [(Int, Int, String)] { reports.withLock { $0 } }
}
