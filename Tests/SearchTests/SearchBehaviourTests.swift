import Design
import Search
import Tensor
import Testing

@Suite struct SearchBehaviourTests {
    @Test func tighterBudgetLeavesFewerSurvivorsAndNoneOverBudget() throws {
        let latencies = try sampledLatencies(count: 40, seed: 99, bandwidth: 10)
        let tight = latencies[10]
        let loose = latencies[30]
        var energyGenerator = SeededGenerator(seed: 98)
        let energies = try ArchitectureSampler(space: searchSpace).sample(40, using: &energyGenerator).map {
            try testCost.cost(of: try $0.mapping(in: searchSpace), bandwidthMbps: 10).deviceEnergyJoules
        }.sorted()
        let targets = [
            SearchTarget(latencyBudgetSeconds: tight, bandwidthMbps: 10),
            SearchTarget(latencyBudgetSeconds: loose, bandwidthMbps: 10),
            SearchTarget(latencyBudgetSeconds: loose, energyBudgetJoules: energies[15], bandwidthMbps: 10),
        ]
        var state = try SearchState(
            space: searchSpace, targets: targets, options: SearchOptions(samples: 30, generations: 0, seed: 4))
        var accuracy = supernetAccuracy()
        try state.run(cost: testCost, accuracy: &accuracy)
        let outcomes = state.outcomes
        let tightSet = Set(state.survivors(of: 0))
        let looseSet = Set(state.survivors(of: 1))
        #expect(outcomes[0].survivors == tightSet.count && outcomes[1].survivors == looseSet.count)
        #expect(tightSet.isSubset(of: looseSet))
        #expect(tightSet.count < looseSet.count, "a tighter budget must leave fewer survivors")
        #expect(!tightSet.isEmpty)
        for (t, target) in targets.enumerated() {
            for i in state.survivors(of: t) {
                #expect(state.designs[i].costs[t].latencySeconds <= target.latencyBudgetSeconds)
                #expect(state.designs[i].costs[t].deviceEnergyJoules <= target.energyBudgetJoules ?? .infinity)
            }
            let rejected = outcomes[t].rejected[.latency, default: 0]
            let overLatency = state.designs.filter { $0.costs[t].latencySeconds > target.latencyBudgetSeconds }.count
            #expect(rejected == overLatency)
        }
        #expect(outcomes[0].survivors + outcomes[0].rejected[.latency, default: 0] == state.designs.count)
        #expect(outcomes[2].rejected[.energy, default: 0] > 0, "the energy budget must reject some candidates")
        #expect(outcomes[2].survivors < outcomes[1].survivors)
        // Only designs within some budget are scored; the others cost no accuracy evaluation.
        for design in state.designs {
            let within = zip(targets, design.costs).contains { $0.violations($1).isEmpty }
            #expect((design.score != nil) == within)
        }
        // The best of each target is its top-ranked survivor.
        for t in targets.indices { #expect(outcomes[t].best == state.survivors(of: t).first) }
    }

    @Test func sameSeedGivesTheSameSearchWhateverTheThreadCount() throws {
        let targets = SearchTarget.grid(
            latencyBudgetSeconds: try sampledLatencies(count: 20, seed: 7, bandwidth: 40)[12],
            bandwidthsMbps: [10, 40, 100])
        let options = SearchOptions(samples: 8, generations: 2, children: 4, parents: 2, seed: 21)
        func run(threads: Int, seed: UInt64) throws -> SearchState {
            var options = options
            options.seed = seed
            var state = try SearchState(space: searchSpace, targets: targets, options: options)
            var accuracy = supernetAccuracy(threads: threads)
            try state.run(cost: testCost, accuracy: &accuracy)
            return state
        }
        let one = try run(threads: 1, seed: 21)
        let two = try run(threads: 2, seed: 21)
        #expect(one.designs.map(\.architecture) == two.designs.map(\.architecture))
        #expect(one.counters == two.counters)
        #expect(one.generator == two.generator)
        #expect(one.outcomes.map(\.best) == two.outcomes.map(\.best))
        for (a, b) in zip(one.designs, two.designs) {
            #expect(a.costs == b.costs)
            // Kernel reductions may be split differently across threads: compare scores within 1e-5.
            #expect(abs((a.score?.loss ?? 0) - (b.score?.loss ?? 0)) <= 1e-5)
            #expect(abs((a.score?.accuracy ?? 0) - (b.score?.accuracy ?? 0)) <= 1e-5)
        }
        let other = try run(threads: 1, seed: 22)
        #expect(other.designs.map(\.architecture) != one.designs.map(\.architecture), "another seed searches otherwise")
    }

    @Test func evaluatorCallsAreCountedOncePerDesignAndBandwidth() throws {
        let budget = try sampledLatencies(count: 20, seed: 8, bandwidth: 10)[14]
        var targets = SearchTarget.grid(latencyBudgetSeconds: budget, bandwidthsMbps: [10, 40, 100])
        targets.append(SearchTarget(latencyBudgetSeconds: budget / 2, bandwidthMbps: 10))
        for strategy in SearchStrategy.allCases {
            let options = SearchOptions(
                samples: 10, generations: 2, children: 5, parents: 2, strategy: strategy, seed: 3)
            var state = try SearchState(space: searchSpace, targets: targets, options: options)
            let cost = CountingCost(base: testCost)
            var accuracy = CountingAccuracy(base: supernetAccuracy())
            try state.run(cost: cost, accuracy: &accuracy)
            #expect(state.counters.candidates == options.candidateBudget)
            #expect(state.counters.costCalls == cost.calls.value)
            #expect(state.counters.accuracyCalls == accuracy.calls.value)
            // Three distinct bandwidths: three cost calls per distinct design, however many targets.
            #expect(cost.calls.value == 3 * state.designs.count)
            #expect(accuracy.calls.value == state.designs.filter { $0.score != nil }.count)
            #expect(Set(state.designs.map(\.architecture)).count == state.designs.count)
            for outcome in state.outcomes {
                guard let best = outcome.best, let found = outcome.bestFoundAt else { continue }
                #expect(found == state.designs[best].foundAt)
                #expect(found.accuracyCalls <= state.counters.accuracyCalls && found.accuracyCalls >= 1)
            }
        }
    }

    @Test func evolutionChildrenComeFromTheBestSurvivors() throws {
        let budget = try sampledLatencies(count: 20, seed: 9, bandwidth: 40)[15]
        let options = SearchOptions(samples: 10, generations: 1, children: 6, parents: 2, crossoverRate: 0, seed: 5)
        var state = try SearchState(
            space: searchSpace, targets: [SearchTarget(latencyBudgetSeconds: budget, bandwidthMbps: 40)],
            options: options)
        var accuracy = supernetAccuracy()
        try state.runGeneration(cost: testCost, accuracy: &accuracy)
        let parents = state.survivors(of: 0).prefix(2).map { state.designs[$0].architecture }
        try #require(parents.count == 2)
        let neighbours = Set(
            parents.flatMap { p in MutationKind.allCases.flatMap { p.neighbours($0, in: searchSpace) } })
        try state.runGeneration(cost: testCost, accuracy: &accuracy)
        let children = state.designs.filter { $0.generation == 1 }
        #expect(!children.isEmpty)
        let mutants = children.filter { neighbours.contains($0.architecture) }.count
        // Without crossover every new child is one mutation from a parent, unless all of a draw's tries
        // were repeats (then a uniform sample is taken): most must be mutants.
        #expect(mutants * 2 > children.count)
        #expect(state.isFinished)
    }
}
