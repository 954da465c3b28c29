import Testing
import Tensor

@Suite struct NeighbourhoodReduceTests {
    let k = 4
    let messages = Reference.random([5 * 4, 11], seed: 41)  // 11 columns: one SIMD block of 8 and a tail

    @Test(arguments: Reduction.allCases)
    func matchesScatterReduceOverCentreIndices(reduce: Reduction) {
        // scatterReduce is checked against loops in ScatterReduceTests; argmax slots are source rows mod k.
        let (output, argmax) = neighbourhoodReduce(messages, k: k, reduce: reduce, threads: .single)
        let (expected, sourceRows) = scatterReduce(
            messages, targets: centreIndices(rowCount: 5, k: k), rowCount: 5, reduce: reduce)
        #expect(output.shape == [5, 11])
        #expect(Reference.maxDifference(output.scalars, expected.scalars.map { Double($0) }) <= 1e-6)
        if reduce == .max {
            #expect(argmax == sourceRows?.map { $0 % Int32(k) })
        } else {
            #expect(argmax == nil)
        }
    }

    @Test func maxMatchesPlainLoop() {
        let (output, argmax) = neighbourhoodReduce(messages, k: k, reduce: .max, threads: .single)
        for r in 0..<5 {
            for j in 0..<11 {
                let slot = (0..<k).max { messages[r * k + $0, j] < messages[r * k + $1, j] } ?? -1
                #expect(output[r, j] == messages[r * k + slot, j])
                #expect(argmax?[r * 11 + j] == Int32(slot))
            }
        }
    }

    @Test(arguments: Reduction.allCases)
    func backwardMatchesScatterReduceBackward(reduce: Reduction) {
        let g = Reference.random([5, 11], seed: 42)
        let targets = centreIndices(rowCount: 5, k: k)
        let (_, argmax) = neighbourhoodReduce(messages, k: k, reduce: reduce, threads: .single)
        let (_, sourceRows) = scatterReduce(messages, targets: targets, rowCount: 5, reduce: reduce)
        let got = neighbourhoodReduceBackward(g, k: k, reduce: reduce, argmax: argmax, threads: .single)
        let expected = scatterReduceBackward(g, targets: targets, reduce: reduce, argmax: sourceRows, threads: .single)
        #expect(got.shape == [20, 11])
        #expect(Reference.maxDifference(got.scalars, expected.scalars.map { Double($0) }) <= 1e-6)
    }
}
