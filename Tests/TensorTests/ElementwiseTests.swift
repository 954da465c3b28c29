import Testing
import Tensor

@Suite struct ElementwiseTests {
    let a = Reference.random([3, 4], seed: 71)
    let b = Reference.random([3, 4], seed: 72)

    @Test func arithmeticIsElementwise() {
        for i in 0..<12 {
            #expect((a + b).scalars[i] == a.scalars[i] + b.scalars[i])
            #expect((a - b).scalars[i] == a.scalars[i] - b.scalars[i])
            #expect((a * b).scalars[i] == a.scalars[i] * b.scalars[i])
            #expect((a * 3).scalars[i] == a.scalars[i] * 3)
            #expect((2 * a).scalars[i] == 2 * a.scalars[i])
            #expect((a + 1).scalars[i] == a.scalars[i] + 1)
            #expect((-a).scalars[i] == -a.scalars[i])
        }
        var c = a
        c += b
        #expect(c == a + b)
        c -= b
        c *= 2
        #expect(Reference.maxDifference(c.scalars, a.scalars.map { 2 * Double($0) }) <= 1e-6)
        var d = a
        d.addScaled(b, by: 0.5)
        #expect(
            Reference.maxDifference(d.scalars, (0..<12).map { Double(a.scalars[$0]) + 0.5 * Double(b.scalars[$0]) })
                <= 1e-6)
    }

    @Test func rowBroadcastAndColumnSumsAreAdjoint() {
        let bias = Reference.random([4], seed: 73)
        let y = a.addingRowBroadcast(bias)
        for i in 0..<3 {
            for j in 0..<4 { #expect(y[i, j] == a[i, j] + bias[j]) }
        }
        // d/d(bias) of ⟨x + bias, g⟩ is the column sums of g.
        let sums = b.columnSums()
        #expect(sums.shape == [4])
        for j in 0..<4 { #expect(abs(sums[j] - (0..<3).map { b[$0, j] }.reduce(0, +)) <= 1e-6) }
    }

    @Test func rowSquaredNormsMatchLoop() {
        let norms = a.rowSquaredNorms()
        for i in 0..<3 {
            #expect(abs(norms[i] - (0..<4).map { a[i, $0] * a[i, $0] }.reduce(0, +)) <= 1e-6)
        }
    }

    @Test(arguments: [Float(0), 0.2])
    func leakyReLUAndBackwardMatchDefinitionAndFiniteDifferences(slope: Float) {
        let y = leakyReLU(a, slope: slope)
        for i in 0..<12 {
            let v = a.scalars[i]
            #expect(y.scalars[i] == (v > 0 ? v : slope * v))
        }
        // Central differences with h = 1e-3 away from the kink (|x| > 1e-2): tolerance 1e-3.
        let gx = leakyReLUBackward(b, input: a, slope: slope)
        let h: Float = 1e-3
        for i in 0..<12 where abs(a.scalars[i]) > 1e-2 {
            var plus = a
            var minus = a
            plus.scalars[i] += h
            minus.scalars[i] -= h
            let fd = (leakyReLU(plus, slope: slope).dot(b) - leakyReLU(minus, slope: slope).dot(b)) / (2 * h)
            #expect(abs(fd - gx.scalars[i]) <= 1e-3)
        }
    }

    @Test func matrixViewsSliceAndTranspose() {
        let t = Reference.random([2, 3, 5], seed: 74)
        #expect(t.rows == 6)
        #expect(t.columns == 5)
        let slice = t.rows(in: 2..<5)
        #expect(slice.shape == [3, 5])
        #expect(slice.scalars == Array(t.scalars[10..<25]))
        let m = Reference.random([37, 41], seed: 75)
        let mt = m.transposed()
        #expect(mt.shape == [41, 37])
        for i in 0..<37 {
            for j in 0..<41 { #expect(mt[j, i] == m[i, j]) }
        }
        #expect(mt.transposed() == m)
    }

    @Test func closureInitUsesRowMajorFlatIndex() {
        let t = Tensor(shape: [2, 3]) { Float($0) }
        #expect(t[1, 0] == 3)
        #expect(t.description.hasPrefix("Tensor[2, 3] [0.0, 1.0"))
    }

    @Test func argmaxPerRowTakesTheFirstLargest() {
        let scores = Tensor(shape: [3, 4], scalars: [0, 2, 1, 2, -1, -3, -2, -5, 7, 7, 7, 7])
        #expect(scores.argmaxPerRow() == [1, 0, 0])
    }

    @Test func rowScalingDivisionAndMaxAbsMatchDefinitions() {
        var scaled = a
        let scale = Reference.random([4], seed: 76)
        scaled.multiplyRowBroadcast(scale)
        for i in 0..<3 {
            for j in 0..<4 { #expect(scaled[i, j] == a[i, j] * scale[j]) }
        }
        #expect((a / 4).scalars == a.scalars.map { $0 / 4 })
        #expect(a.maxAbs() == a.scalars.map { abs($0) }.max())
        #expect(a.row(2).scalars == Array(a.scalars[8..<12]))
        var g = a
        g.mapInPlace { $0 * $0 }
        #expect(g == a * a)
    }

    @Test func fixedRankSubscriptsAgreeWithRowMajorLayout() {
        var t = Tensor(shape: [2, 3, 4]) { Float($0) }
        #expect(t[1, 2, 3] == 23)
        t[1, 0, 2] = -1
        #expect(t.scalars[14] == -1)
        var m = Tensor(shape: [3, 5]) { Float($0) }
        #expect(m[2, 4] == 14)
        m[1, 1] = 0.5
        #expect(m.scalars[6] == 0.5)
        var v = Tensor(shape: [4]) { Float($0) }
        v[3] = 9
        #expect(v[3] == 9 && v[0] == 0)
        let four = Tensor(shape: [2, 2, 2, 2]) { Float($0) }
        #expect(four[1, 1, 1, 0] == 14)
    }
}
