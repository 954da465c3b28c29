import Testing
import Tensor

@Suite struct ConcatTests {
    @Test func concatPlacesPartsSideBySideAndSplitInvertsIt() {
        let a = Reference.random([2, 3, 2], seed: 51)
        let b = Reference.random([2, 3, 1], seed: 52)
        let c = Reference.random([2, 3, 4], seed: 53)
        let joined = concatColumns([a, b, c])
        #expect(joined.shape == [2, 3, 7])
        for r in 0..<6 {
            let row = Array(joined.scalars[(r * 7)..<(r * 7 + 7)])
            let expected =
                Array(a.scalars[(r * 2)..<(r * 2 + 2)]) + Array(b.scalars[r..<(r + 1)])
                + Array(c.scalars[(r * 4)..<(r * 4 + 4)])
            #expect(row == expected)
        }
        #expect(splitColumns(joined, widths: [2, 1, 4]) == [a, b, c])
    }

    @Test func concatRowsStacksAlongTheFirstAxis() {
        let a = Reference.random([2, 3], seed: 54)
        let b = Reference.random([4, 3], seed: 55)
        let stacked = concatRows([a, b])
        #expect(stacked.shape == [6, 3])
        #expect(stacked.rows(in: 0..<2) == a)
        #expect(stacked.rows(in: 2..<6) == b)
    }

    @Test func columnSliceIsTheMatchingSplitPart() {
        let x = Reference.random([3, 7], seed: 56)
        let parts = splitColumns(x, widths: [2, 4, 1])
        #expect(x.columns(in: 2..<6) == parts[1])
        #expect(x.columns(in: 0..<2) == parts[0])
    }
}
