import Tensor

/// Independent plain-loop references and helpers shared by the tests.
enum Reference {
    /// Element (i, j) of a row-major matrix with `columns` columns.
    static func at(_ t: Tensor, _ i: Int, _ j: Int) -> Float { t.scalars[i * t.columns + j] }

    /// `op(a) · op(b)` by a triple loop in Double.
    static func matmul(_ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false) -> [Double] {
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let n = transposeB ? b.rows : b.columns
        var c = [Double](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var s = 0.0
                for p in 0..<k {
                    let x = transposeA ? at(a, p, i) : at(a, i, p)
                    let y = transposeB ? at(b, j, p) : at(b, p, j)
                    s += Double(x) * Double(y)
                }
                c[i * n + j] = s
            }
        }
        return c
    }

    /// Largest absolute difference between two sequences of equal length.
    static func maxDifference(_ a: [Float], _ b: [Double]) -> Double {
        precondition(a.count == b.count)
        return zip(a, b).map { abs(Double($0) - $1) }.max() ?? 0
    }

    /// A random tensor with entries uniform in [-1, 1).
    static func random(_ shape: [Int], seed: UInt64) -> Tensor {
        var g = SeededGenerator(seed: seed)
        return Tensor.randomUniform(shape, lower: -1, upper: 1, generator: &g)
    }
}
