import Design
import Search
import Synchronization
import Tensor
import Testing

@Suite struct StrategyComparisonTests {
    @Test func bothStrategiesReachTheCommonLevelWithinTheirBudgets() throws {
        let budget = try sampledLatencies(count: 20, seed: 13, bandwidth: 40)[12]
        let targets = SearchTarget.grid(latencyBudgetSeconds: budget, bandwidthsMbps: [10, 100])
        let options = SearchOptions(samples: 6, generations: 2, children: 4, parents: 2)
        let comparison = try StrategyComparison(
            space: searchSpace, targets: targets, options: options, seeds: [1, 2], cost: testCost,
            makeAccuracy: { supernetAccuracy() })
        #expect(!comparison.rows.isEmpty)
        for row in comparison.rows {
            let worse =
                SearchRanking.loss.isBetter(row.finalBest.evolutionary, than: row.finalBest.random)
                ? row.finalBest.random : row.finalBest.evolutionary
            #expect(row.level == worse)
            for counters in [row.evolutionary, row.random] {
                #expect(counters.candidates >= 1 && counters.candidates <= options.candidateBudget)
                #expect(counters.accuracyCalls >= 1)
                // Two distinct bandwidths: every design evaluated so far cost two calls.
                #expect(counters.costCalls % 2 == 0 && counters.costCalls >= 2)
            }
        }
    }

    @Test func countersToReachFindTheFirstDesignAtLeastAsGood() throws {
        let budget = try sampledLatencies(count: 20, seed: 14, bandwidth: 40)[12]
        var state = try SearchState(
            space: searchSpace, targets: [SearchTarget(latencyBudgetSeconds: budget, bandwidthMbps: 40)],
            options: SearchOptions(samples: 10, generations: 1, children: 4, seed: 6))
        var accuracy = supernetAccuracy()
        try state.run(cost: testCost, accuracy: &accuracy)
        let survivors = state.survivors(of: 0)
        try #require(survivors.count >= 2)
        for i in survivors {
            let level = try #require(state.designs[i].score)
            let reached = try #require(state.countersToReach(level, target: 0))
            // The first survivor (in evaluation order) whose loss is at most this one's.
            let first = try #require(
                survivors.sorted().first { (state.designs[$0].score?.loss ?? .infinity) <= level.loss })
            #expect(reached == state.designs[first].foundAt)
            #expect(reached.accuracyCalls <= state.designs[i].foundAt.accuracyCalls)
        }
        #expect(state.countersToReach(ArchitectureScore(accuracy: 1, meanClassAccuracy: 1, loss: -1), target: 0) == nil)
    }

    @Test func progressRunsOnceOverEverySeedsTwoSearchesAndEachSeedIsTimed() throws {
        let budget = try sampledLatencies(count: 20, seed: 15, bandwidth: 40)[12]
        let targets = [SearchTarget(latencyBudgetSeconds: budget, bandwidthMbps: 40)]
        let options = SearchOptions(samples: 4, generations: 1, children: 2, parents: 2)
        let reports = Mutex<[(done: Int, total: Int, note: String)]>([])
        let comparison = try StrategyComparison(
            space: searchSpace, targets: targets, options: options, seeds: [4, 9, 2], cost: testCost,
            makeAccuracy: { supernetAccuracy() },
            progress: Progress { done, total, note in reports.withLock { $0.append((done, total, note)) } })
        let seen = reports.withLock { $0 }
        let total = 2 * 3 * options.candidateBudget
        #expect(!seen.isEmpty && seen.allSatisfy { $0.total == total })
        #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.done <= $1.done }, "progress never goes back")
        #expect(seen.last?.done == total)
        #expect(seen.last?.note.hasPrefix("seed 2 (3/3) random") == true, "\(seen.last?.note ?? "")")
        #expect(comparison.seeds == [4, 9, 2])
        #expect(comparison.timings.map(\.seed) == [4, 9, 2])
        #expect(comparison.timings.allSatisfy { $0.evolutionary > 0 && $0.random > 0 })
        // The statistics over the seeds are those of the rows of the target.
        let rows = comparison.rows.filter { $0.target == 0 }
        let stats = comparison.statistics(target: 0, strategy: .random)
        #expect(stats.count == rows.count)
        let calls = rows.map { Double($0.random.accuracyCalls) }
        let mean = calls.reduce(0, +) / Double(max(calls.count, 1))
        #expect(rows.isEmpty || abs(stats.accuracyCalls.mean - mean) <= 1e-12 * max(1, mean))
    }
}
