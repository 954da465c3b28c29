import Foundation
import Search
import Testing

@testable import Workbench

/// The numbers of `text` that are written as whole numbers or decimals, in order.
private func numbers(in text: Substring) -> [Double] {
    text.split(whereSeparator: { !"0123456789.".contains($0) }).compactMap { Double($0) }
}

/// Mean and sample standard deviation, computed here independently of `StrategyComparison`.
private func handStatistics(_ values: [Double]) -> (mean: Double, deviation: Double) {
    var sum = 0.0
    for v in values { sum += v }
    let mean = sum / Double(values.count)
    var squares = 0.0
    for v in values { squares += (v - mean) * (v - mean) }
    return (mean, values.count > 1 ? (squares / Double(values.count - 1)).squareRoot() : 0)
}

@Suite struct SearchCompareCommandTests {
    @Test func theMeanAndStdItPrintsAreThoseOfThePerSeedFiguresItPrints() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (shell, buffer) = searchShell(directory: directory)
        #expect(
            shell.execute(
                "search compare sn on d cost=t latency<=1s bandwidths=10,100 samples=4 generations=2 children=3 "
                    + "seeds=3,5,8 as c") == 0, "\(buffer.text)")
        let text = buffer.text
        let value = try #require(shell.session.value(named: "c") as? StrategyComparisonValue)
        #expect(value.comparison.seeds == [3, 5, 8] && value.comparison.timings.count == 3)
        #expect(text.contains("3 seeds (3, 5, 8), 10 candidates per search (4 samples + 2 × 3 children)"), "\(text)")
        #expect(text.contains("wall time per search: evolutionary "), "\(text)")
        let lines = text.split(separator: "\n")
        for target in ["latency <= 1000 ms @ 10 Mbit/s", "latency <= 1000 ms @ 100 Mbit/s"] {
            // The block of this target: its heading, the two statistics lines, the per-seed table.
            let start = try #require(lines.firstIndex { $0.hasPrefix(target + ": calls to reach") }, "\(text)")
            let evolutionary = lines[start + 2]
            let random = lines[start + 3]
            #expect(evolutionary.hasPrefix("  evolutionary") && random.hasPrefix("  random"), "\(text)")
            let seedRows = lines[(start + 5)...].prefix { $0.hasPrefix("  ") && numbers(in: $0).count >= 5 }
            // A budget of 1 s rejects nothing: every seed has a row.
            #expect(seedRows.count == 3, "\(text)")
            var figures: [[Double]] = [[], [], [], []]
            for row in seedRows {
                let n = numbers(in: row)
                #expect([3.0, 5, 8].contains(n[0]))
                for k in 0..<4 { figures[k].append(n[k + 1]) }
            }
            for (line, columns) in [(evolutionary, (0, 1)), (random, (2, 3))] {
                let printed = numbers(in: line)
                let accuracy = handStatistics(figures[columns.0])
                let cost = handStatistics(figures[columns.1])
                #expect(abs(printed[0] - accuracy.mean) <= 0.005 + 1e-9, "\(line)")
                #expect(abs(printed[1] - accuracy.deviation) <= 0.005 + 1e-9, "\(line)")
                #expect(abs(printed[2] - cost.mean) <= 0.005 + 1e-9, "\(line)")
                #expect(abs(printed[3] - cost.deviation) <= 0.005 + 1e-9, "\(line)")
            }
            // Two bandwidths: every design evaluated cost two predictor calls.
            for k in [1, 3] { #expect(figures[k].allSatisfy { $0 >= 2 && Int($0) % 2 == 0 }) }
        }
        // Each strategy's final best at a seed is the best of a plain `search` with that strategy and seed.
        buffer.text = ""
        for strategy in SearchStrategy.allCases {
            #expect(
                shell.execute(
                    "search sn on d cost=t latency<=1s bandwidths=10,100 samples=4 generations=2 children=3 "
                        + "strategy=\(strategy.rawValue) seed=5 measure=0 as z") == 0, "\(buffer.text)")
            let zoo = try #require(shell.session.value(named: "z") as? ZooValue)
            for (t, target) in value.targets.enumerated() {
                let row = try #require(value.comparison.rows.first { $0.seed == 5 && $0.target == t })
                let best = try #require(zoo.zoo.members.first { $0.target == target })
                let final = strategy == .evolutionary ? row.finalBest.evolutionary : row.finalBest.random
                #expect(best.score == final)
            }
        }
    }

    @Test(arguments: [
        ("seeds=1,2", "give at least 3"), ("seeds=1,2,2", "seed 2 is given twice"),
        ("seeds=1,x,3", "'x' in seeds=1,x,3 is not a seed"), ("seeds=1,2,3 samples=0", "samples=0"),
        ("seeds=1,2,3 generations=-1", "generations=-1"),
    ])
    func badArgumentsGiveAnErrorNamingThem(arguments: String, message: String) throws {
        // The seeds and counts are checked before any session value is looked up.
        let (shell, buffer) = capturingShell()
        #expect(shell.execute("search compare sn on d cost=t latency<=1s \(arguments)") == 1)
        #expect(buffer.text.contains(message), "\(buffer.text)")
        #expect(shell.session.value(named: "comparison") == nil)
    }

    @Test func aMissingCostModelOrAnUnknownArgumentDoesNotResolve() {
        #expect(resolveError("search compare sn on d latency<=1s")?.description.contains("cost") == true)
        #expect(resolveError("search compare sn on d cost=t latency<=1s strategy=random") != nil)
    }
}
