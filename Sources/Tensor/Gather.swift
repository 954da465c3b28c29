/// Row gather and its adjoint. Indices are `Int32` row numbers of the source seen as a matrix.

/// The rows `x[indices[i]]` stacked: `x` is `[R, C]` (leading dimensions folded), the result
/// `[indices.count, C]`. Every index must lie in `0..<R`. Exact. Large gathers use up to `threads.threads`
/// threads.
public func gatherRows(_ x: Tensor, indices: [Int32], threads: ThreadBudget) -> Tensor {
    let r = x.rows
    let c = x.columns
    let n = indices.count
    let values = x.scalars.withBase { source in
        indices.withBase { idx in
            [Float].filled(count: n * c) { out in
                nonisolated(unsafe) let source = source
                nonisolated(unsafe) let idx = idx
                nonisolated(unsafe) let out = out
                threads.forEachChunk(count: n, work: n * c, threshold: 1 << 18) { _, range in
                    for i in range {
                        let row = Int(idx[i])
                        precondition(row >= 0 && row < r, "gatherRows: index \(row) out of 0..<\(r)")
                        (out + i * c).update(from: source + row * c, count: c)
                    }
                }
            }
        }
    }
    return Tensor(shape: [n, c], scalars: values)
}

/// The adjoint of `gatherRows`: a `[rowCount, C]` tensor whose row `r` is the sum of the rows `grad[i]` with
/// `indices[i] == r` (`grad` is `[indices.count, C]`). Satisfies ⟨gatherRows(x, i), g⟩ = ⟨x, scatterAddRows(g, i)⟩.
/// Summation order is increasing `i` (deterministic).
public func scatterAddRows(_ grad: Tensor, indices: [Int32], rowCount: Int) -> Tensor {
    var result = Tensor.zeros([rowCount, grad.columns])
    scatterAddRows(grad, indices: indices, into: &result)
    return result
}

/// Adds row `grad[i]` to row `indices[i]` of `target` (seen as a matrix) for every `i`, in increasing `i`.
public func scatterAddRows(_ grad: Tensor, indices: [Int32], into target: inout Tensor) {
    let c = grad.columns
    let r = target.rows
    precondition(grad.rows == indices.count, "scatterAddRows: \(grad.rows) rows but \(indices.count) indices")
    precondition(target.columns == c, "scatterAddRows: target has \(target.columns) columns, grad \(c)")
    grad.scalars.withBase { g in
        indices.withBase { idx in
            target.scalars.withMutableBase { out in
                for i in 0..<indices.count {
                    let row = Int(idx[i])
                    precondition(row >= 0 && row < r, "scatterAddRows: index \(row) out of 0..<\(r)")
                    let dst = out + row * c
                    let src = g + i * c
                    for j in 0..<c { dst[j] += src[j] }
                }
            }
        }
    }
}
