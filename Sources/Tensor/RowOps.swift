/// Row-wise operations on a tensor seen as a `[rows, columns]` matrix.
extension Tensor {
    /// Adds `bias` (shape `[columns]`) to every row in place.
    public mutating func addRowBroadcast(_ bias: Tensor) {
        let r = rows
        let c = columns
        precondition(bias.count == c, "addRowBroadcast: bias has \(bias.count) elements, rows have \(c)")
        bias.scalars.withBase { b in
            scalars.withMutableBase { a in
                for i in 0..<r {
                    let row = a + i * c
                    for j in 0..<c { row[j] += b[j] }
                }
            }
        }
    }

    /// A copy with `bias` (shape `[columns]`) added to every row.
    public func addingRowBroadcast(_ bias: Tensor) -> Tensor {
        var result = self
        result.addRowBroadcast(bias)
        return result
    }

    /// The sum of each column over all rows, shape `[columns]` (the gradient of a broadcast bias).
    /// Accumulated in Float row by row: relative error about `rows · 6e-8`.
    public func columnSums() -> Tensor {
        let r = rows
        let c = columns
        let values = scalars.withBase { a in
            [Float].filled(count: c) { out in
                for j in 0..<c { out[j] = 0 }
                for i in 0..<r {
                    let row = a + i * c
                    for j in 0..<c { out[j] += row[j] }
                }
            }
        }
        return Tensor(shape: [c], scalars: values)
    }

    /// The squared Euclidean norm of each row, shape `[rows]`.
    public func rowSquaredNorms() -> Tensor {
        let r = rows
        let c = columns
        let values = scalars.withBase { a in
            [Float].filled(count: r) { out in
                for i in 0..<r {
                    let row = a + i * c
                    var s: Float = 0
                    for j in 0..<c { s += row[j] * row[j] }
                    out[i] = s
                }
            }
        }
        return Tensor(shape: [r], scalars: values)
    }

    /// Multiplies every row elementwise by `scale` (shape `[columns]`) in place.
    public mutating func multiplyRowBroadcast(_ scale: Tensor) {
        let r = rows
        let c = columns
        precondition(scale.count == c, "multiplyRowBroadcast: scale has \(scale.count) elements, rows have \(c)")
        scale.scalars.withBase { b in
            scalars.withMutableBase { a in
                for i in 0..<r {
                    let row = a + i * c
                    for j in 0..<c { row[j] *= b[j] }
                }
            }
        }
    }
}
