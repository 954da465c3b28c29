import Testing
import Tensor

@Suite struct GatherTests {
    let x = Reference.random([6, 4], seed: 31)
    let indices: [Int32] = [5, 0, 0, 3, 5, 5, 2]

    @Test func gatherCopiesTheIndexedRows() {
        let y = gatherRows(x, indices: indices, threads: .single)
        #expect(y.shape == [7, 4])
        for (i, row) in indices.enumerated() {
            for j in 0..<4 { #expect(y[i, j] == x[Int(row), j]) }
        }
    }

    @Test func scatterAddIsTheAdjointOfGather() {
        // ⟨gather(x), g⟩ = ⟨x, scatterAdd(g)⟩ up to Float rounding of a few terms: tolerance 1e-5.
        let g = Reference.random([7, 4], seed: 32)
        let lhs = gatherRows(x, indices: indices, threads: .single).dot(g)
        let back = scatterAddRows(g, indices: indices, rowCount: 6)
        #expect(back.shape == [6, 4])
        #expect(abs(lhs - x.dot(back)) <= 1e-5)
        // Rows that are never gathered receive exactly zero.
        for j in 0..<4 {
            #expect(back[1, j] == 0)
            #expect(back[4, j] == 0)
        }
    }
}
