import Testing
import Tensor

/// Plain-loop references; sums are compared with tolerance 1e-5 (a handful of terms in [-1, 1)), max exactly.
@Suite struct ScatterReduceTests {
    // 7 source rows into 5 output rows; output row 3 receives nothing.
    let targets: [Int32] = [0, 2, 0, 4, 2, 2, 1]
    let x = Reference.random([7, 3], seed: 21)

    @Test func sumAndMeanMatchLoops() {
        var sums = [Double](repeating: 0, count: 15)
        var counts = [Int](repeating: 0, count: 5)
        for e in 0..<7 {
            counts[Int(targets[e])] += 1
            for j in 0..<3 { sums[Int(targets[e]) * 3 + j] += Double(x[e, j]) }
        }
        let (sum, noArgmax) = scatterReduce(x, targets: targets, rowCount: 5, reduce: .sum)
        #expect(noArgmax == nil)
        #expect(sum.shape == [5, 3])
        #expect(Reference.maxDifference(sum.scalars, sums) <= 1e-5)
        let mean = scatterReduce(x, targets: targets, rowCount: 5, reduce: .mean).output
        let means = (0..<15).map { counts[$0 / 3] == 0 ? 0 : sums[$0] / Double(counts[$0 / 3]) }
        #expect(Reference.maxDifference(mean.scalars, means) <= 1e-5)
    }

    @Test func maxMatchesLoopsWithArgmaxAndEmptyRows() {
        let (output, argmax) = scatterReduce(x, targets: targets, rowCount: 5, reduce: .max)
        let arg = argmax ?? []
        for r in 0..<5 {
            for j in 0..<3 {
                let sources = (0..<7).filter { targets[$0] == Int32(r) }
                if sources.isEmpty {
                    #expect(output[r, j] == 0)
                    #expect(arg[r * 3 + j] == -1)
                } else {
                    let best = sources.max { x[$0, j] < x[$1, j] } ?? -1
                    #expect(output[r, j] == x[best, j])
                    #expect(arg[r * 3 + j] == Int32(best))
                }
            }
        }
    }

    @Test func wideMaxMatchesLoopsAndKeepsMinusInfinitySources() {
        // 10 columns: one SIMD block and a tail; row 1 only receives −∞ and must report its first source.
        var wide = Reference.random([6, 10], seed: 24)
        for j in 0..<10 {
            wide[2, j] = -.infinity
            wide[4, j] = -.infinity
        }
        let wideTargets: [Int32] = [0, 2, 1, 0, 1, 2]
        let (output, argmax) = scatterReduce(wide, targets: wideTargets, rowCount: 4, reduce: .max)
        let arg = argmax ?? []
        for r in 0..<4 {
            let sources = (0..<6).filter { wideTargets[$0] == Int32(r) }
            for j in 0..<10 {
                if sources.isEmpty {
                    #expect(output[r, j] == 0 && arg[r * 10 + j] == -1)
                } else {
                    var best = sources[0]
                    for s in sources where wide[s, j] > wide[best, j] { best = s }
                    #expect(output[r, j] == wide[best, j])
                    #expect(arg[r * 10 + j] == Int32(best))
                }
            }
        }
        #expect(arg[10] == 2)
    }

    @Test func maxTiesGoToLowestSourceRow() {
        let equal = Tensor(shape: [3, 1], scalars: [5, 5, 5])
        let (_, argmax) = scatterReduce(equal, targets: [0, 0, 0], rowCount: 1, reduce: .max)
        #expect(argmax == [0])
    }

    @Test(arguments: [Reduction.sum, .mean])
    func linearBackwardIsAdjointOfForward(reduce: Reduction) {
        let g = Reference.random([5, 3], seed: 22)
        let y = scatterReduce(x, targets: targets, rowCount: 5, reduce: reduce).output
        let gx = scatterReduceBackward(g, targets: targets, reduce: reduce, threads: .single)
        #expect(gx.shape == x.shape)
        #expect(abs(y.dot(g) - x.dot(gx)) <= 1e-5)
    }

    @Test func maxBackwardMatchesFiniteDifferences() {
        // Tolerance: central differences with h = 1e-3 on a piecewise-linear function, |error| ≤ 2e-3.
        let g = Reference.random([5, 3], seed: 23)
        let (_, argmax) = scatterReduce(x, targets: targets, rowCount: 5, reduce: .max)
        let gx = scatterReduceBackward(g, targets: targets, reduce: .max, argmax: argmax, threads: .single)
        let h: Float = 1e-3
        for i in 0..<x.count {
            var plus = x
            var minus = x
            plus.scalars[i] += h
            minus.scalars[i] -= h
            let fp = scatterReduce(plus, targets: targets, rowCount: 5, reduce: .max).output.dot(g)
            let fm = scatterReduce(minus, targets: targets, rowCount: 5, reduce: .max).output.dot(g)
            #expect(abs((fp - fm) / (2 * h) - gx.scalars[i]) <= 2e-3)
        }
    }
}
