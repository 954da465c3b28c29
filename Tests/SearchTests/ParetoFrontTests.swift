import Search
import Testing

@Suite struct ParetoFrontTests {
    @Test func frontKeepsExactlyTheNonDominatedPoints() {
        // (accuracy, latency): index 1 dominates 0 (same latency, more accurate); 2 and 3 are identical and
        // non-dominated (both kept); 4 is dominated by 2 (same accuracy, slower); 5 is the fastest; 6 the most
        // accurate; 7 is dominated by 6 (less accurate, slower); 8 has NaN accuracy and is left out.
        let accuracy = [0.50, 0.60, 0.70, 0.70, 0.70, 0.40, 0.90, 0.80, .nan]
        let latency = [2.0, 2.0, 3.0, 3.0, 4.0, 1.0, 6.0, 7.0, 0.5]
        #expect(ParetoFront.indices(accuracy: accuracy, latency: latency) == [5, 1, 2, 3, 6])
    }

    @Test func frontOfEmptyAndSinglePoints() {
        #expect(ParetoFront.indices(accuracy: [], latency: []).isEmpty)
        #expect(ParetoFront.indices(accuracy: [0.3], latency: [1]) == [0])
        // Equal latency, different accuracy: only the more accurate stays.
        #expect(ParetoFront.indices(accuracy: [0.3, 0.4], latency: [1, 1]) == [1])
    }

    @Test func everyFrontPointIsUndominatedAndEveryOtherPointDominated() {
        var generator = SeededGeneratorForTests(seed: 4)
        let accuracy = (0..<60).map { _ in Double(generator.next() % 20) / 20 }
        let latency = (0..<60).map { _ in Double(generator.next() % 15) }
        let front = Set(ParetoFront.indices(accuracy: accuracy, latency: latency))
        func dominates(_ j: Int, _ i: Int) -> Bool {
            accuracy[j] >= accuracy[i] && latency[j] <= latency[i]
                && (accuracy[j] > accuracy[i] || latency[j] < latency[i])
        }
        for i in accuracy.indices {
            let dominated = accuracy.indices.contains { dominates($0, i) }
            #expect(front.contains(i) == !dominated, "point \(i)")
        }
    }
}

/// SplitMix64, a generator independent of the code under test.
struct SeededGeneratorForTests {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
