extension Tensor {
    /// The number of rows when the tensor is seen as a matrix: the product of all dimensions but the last
    /// (1 for rank 1, and for a scalar).
    public var rows: Int {
        shape.isEmpty ? 1 : shape.dropLast().reduce(1, *)
    }

    /// The number of columns when the tensor is seen as a matrix: the last dimension (1 for a scalar).
    public var columns: Int { shape.last ?? 1 }

    /// The rows in `range` of the tensor seen as a `[rows, columns]` matrix, as a `[range.count, columns]`
    /// tensor (a copy).
    public func rows(in range: Range<Int>) -> Tensor {
        precondition(
            range.lowerBound >= 0 && range.upperBound <= rows,
            "rows(in: \(range)) is out of bounds for \(rows) rows")
        let c = columns
        return Tensor(
            shape: [range.count, c], scalars: Array(scalars[(range.lowerBound * c)..<(range.upperBound * c)]))
    }

    /// The columns in `range` of the tensor seen as a `[rows, columns]` matrix, as a `[rows, range.count]`
    /// tensor (a copy; the inverse of writing into a column block).
    public func columns(in range: Range<Int>) -> Tensor {
        let c = columns
        precondition(
            range.lowerBound >= 0 && range.upperBound <= c, "columns(in: \(range)) is out of bounds for \(c) columns")
        let r = rows
        let w = range.count
        let values = scalars.withBase { source in
            [Float].filled(count: r * w) { out in
                for i in 0..<r { (out + i * w).update(from: source + i * c + range.lowerBound, count: w) }
            }
        }
        return Tensor(shape: [r, w], scalars: values)
    }

    /// The index of the largest element of each row (the lowest index among equal maxima), `rows` entries;
    /// for class scores `[B, classes]` these are the predicted classes.
    public func argmaxPerRow() -> [Int] {
        let r = rows
        let c = columns
        precondition(c > 0, "argmaxPerRow needs at least one column")
        return scalars.withBase { source in
            (0..<r).map { i in
                let row = source + i * c
                var best = 0
                for j in 1..<c where row[j] > row[best] { best = j }
                return best
            }
        }
    }

    /// One row of the tensor seen as a matrix, as a `[columns]` tensor.
    public func row(_ index: Int) -> Tensor {
        rows(in: index..<(index + 1)).reshaped([columns])
    }

    /// The transpose of a 2-D tensor: shape `[columns, rows]`.
    public func transposed() -> Tensor {
        precondition(rank == 2, "transposed() needs a 2-D tensor, got shape \(shape)")
        let r = shape[0]
        let c = shape[1]
        let values = scalars.withBase { source in
            [Float].filled(count: r * c) { out in
                // Blocked to stay in cache for large matrices.
                let block = 32
                var i0 = 0
                while i0 < r {
                    let i1 = Swift.min(i0 + block, r)
                    var j0 = 0
                    while j0 < c {
                        let j1 = Swift.min(j0 + block, c)
                        for i in i0..<i1 {
                            for j in j0..<j1 { out[j * r + i] = source[i * c + j] }
                        }
                        j0 = j1
                    }
                    i0 = i1
                }
            }
        }
        return Tensor(shape: [c, r], scalars: values)
    }
}
