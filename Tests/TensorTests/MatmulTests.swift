import Testing
import Tensor

/// Tolerance: Float32 BLAS against a Double triple loop with entries in [-1, 1): |error| ≤ 1e-5 · k.
@Suite struct MatmulTests {
    static let shapes: [(Int, Int, Int)] = [(1, 1, 1), (3, 5, 7), (17, 33, 9), (2, 1, 4), (64, 3, 20)]

    @Test(arguments: shapes)
    func matmulMatchesTripleLoopForAllTransposes(shape: (Int, Int, Int)) {
        let (m, k, n) = shape
        for transposeA in [false, true] {
            for transposeB in [false, true] {
                let a = Reference.random(transposeA ? [k, m] : [m, k], seed: 1)
                let b = Reference.random(transposeB ? [n, k] : [k, n], seed: 2)
                let c = matmul(a, b, transposeA: transposeA, transposeB: transposeB, threads: .single)
                #expect(c.shape == [m, n])
                let expected = Reference.matmul(a, b, transposeA: transposeA, transposeB: transposeB)
                #expect(Reference.maxDifference(c.scalars, expected) <= 1e-5 * Double(k))
            }
        }
    }

    @Test func gemmAccumulatesWithAlphaAndBeta() {
        let a = Reference.random([3, 5], seed: 3)
        let b = Reference.random([5, 7], seed: 4)
        let c0 = Reference.random([3, 7], seed: 5)
        var c = c0
        gemm(a, b, into: &c, alpha: 0.5, beta: 2, threads: .single)
        let ab = Reference.matmul(a, b)
        let expected = (0..<21).map { 0.5 * ab[$0] + 2 * Double(c0.scalars[$0]) }
        #expect(Reference.maxDifference(c.scalars, expected) <= 1e-5 * 5)
    }

    @Test func subBlockOfLargerWeightMatchesCopiedBlock() {
        let weight = Reference.random([9, 11], seed: 6)  // [CinMax, CoutMax]
        let cin = 4
        let cout = 6
        let x = Reference.random([5, cin], seed: 7)
        let block = Tensor(shape: [cin, cout]) { weight.scalars[($0 / cout) * 11 + $0 % cout] }
        let y = matmul(x, weight, rows: cin, columns: cout, threads: .single)
        #expect(y.shape == [5, cout])
        #expect(Reference.maxDifference(y.scalars, Reference.matmul(x, block)) <= 1e-5 * Double(cin))
        let g = Reference.random([5, cout], seed: 8)
        let gx = matmul(g, weight, rows: cin, columns: cout, transposeWeight: true, threads: .single)
        #expect(gx.shape == [5, cin])
        #expect(Reference.maxDifference(gx.scalars, Reference.matmul(g, block, transposeB: true)) <= 1e-5 * 6)
    }

    @Test func gemmWritesIntoOffsetBlockOfGradientOnly() {
        let x = Reference.random([5, 3], seed: 9)
        let g = Reference.random([5, 4], seed: 10)
        var grad = Tensor(shape: [6, 8], repeating: 1)
        let block = MatrixBlock(rows: 3, columns: 4, rowOffset: 2, columnOffset: 1)
        gemm(x, g, into: &grad, alpha: 1, beta: 1, transposeA: true, cBlock: block, threads: .single)
        let xtg = Reference.matmul(x, g, transposeA: true)
        for i in 0..<6 {
            for j in 0..<8 {
                let inside = (2..<5).contains(i) && (1..<5).contains(j)
                let expected = inside ? 1 + xtg[(i - 2) * 4 + (j - 1)] : 1
                #expect(abs(Double(grad[i, j]) - expected) <= 1e-4)
            }
        }
    }

    @Test func batchedMatmulMatchesPerBatchTripleLoop() {
        for (transposeA, transposeB) in [(false, false), (true, false), (false, true), (true, true)] {
            let (batch, m, k, n) = (3, 4, 5, 6)
            let a = Reference.random(transposeA ? [batch, k, m] : [batch, m, k], seed: 11)
            let b = Reference.random(transposeB ? [batch, n, k] : [batch, k, n], seed: 12)
            let c = batchedMatmul(a, b, transposeA: transposeA, transposeB: transposeB, threads: .single)
            #expect(c.shape == [batch, m, n])
            for i in 0..<batch {
                let ai = Tensor(
                    shape: Array(a.shape.dropFirst()), scalars: Array(a.scalars[(i * m * k)..<((i + 1) * m * k)]))
                let bi = Tensor(
                    shape: Array(b.shape.dropFirst()), scalars: Array(b.scalars[(i * k * n)..<((i + 1) * k * n)]))
                let expected = Reference.matmul(ai, bi, transposeA: transposeA, transposeB: transposeB)
                let got = Array(c.scalars[(i * m * n)..<((i + 1) * m * n)])
                #expect(Reference.maxDifference(got, expected) <= 1e-5 * Double(k))
            }
        }
    }

    @Test func betaZeroIgnoresNaNInTheOutputAndEmptyInnerDimensionScales() {
        let a = Reference.random([4, 3], seed: 13)
        let b = Reference.random([3, 2], seed: 14)
        var c = Tensor(shape: [4, 2], repeating: .nan)
        gemm(a, b, into: &c, threads: .single)
        #expect(Reference.maxDifference(c.scalars, Reference.matmul(a, b)) <= 1e-5 * 3)
        // k = 0: C = beta · C exactly.
        var d = Tensor(shape: [2, 2], scalars: [1, 2, 3, 4])
        gemm(Tensor.zeros([2, 0]), Tensor.zeros([0, 2]), into: &d, beta: 0.5, threads: .single)
        #expect(d.scalars == [0.5, 1, 1.5, 2])
    }
}
