import CBLAS

/// General matrix multiply through OpenBLAS `cblas_sgemm`:
/// `C[cBlock] = alpha · op(A[aBlock]) · op(B[bBlock]) + beta · C[cBlock]`, where `op` transposes when asked.
///
/// Tensors are seen as matrices (`rows × columns`, leading dimensions folded into rows). A nil block means
/// the whole matrix; a block is addressed in place through the leading dimension (`columns` of its tensor),
/// so sub-blocks of a larger weight or gradient need no copy. Shapes: `op(A)` is `m × k`, `op(B)` is `k × n`,
/// the C block is `m × n`. With `beta == 0` the previous contents of the C block are ignored (NaN-safe).
/// Accuracy: Float32 BLAS, relative error about `k · 1e-7` of `Σ|a||b|`.
///
/// Runs on up to `threads.threads` threads: a large product is cut along the longer side of C (rows or
/// columns) into parts that depend only on the shape (`gemmParts`), each part a single-threaded BLAS call,
/// and the threads take the parts in turn. The sum over `k` is never split and the cut does not depend on
/// the budget, so the result is the same for every budget on one machine.
public func gemm(
    _ a: Tensor, _ b: Tensor, into c: inout Tensor, alpha: Float = 1, beta: Float = 0,
    transposeA: Bool = false, transposeB: Bool = false,
    aBlock: MatrixBlock? = nil, bBlock: MatrixBlock? = nil, cBlock: MatrixBlock? = nil, threads: ThreadBudget
) {
    let ab = aBlock ?? MatrixBlock(wholeOf: a)
    let bb = bBlock ?? MatrixBlock(wholeOf: b)
    let cb = cBlock ?? MatrixBlock(wholeOf: c)
    ab.check(fitsIn: a, "A")
    bb.check(fitsIn: b, "B")
    cb.check(fitsIn: c, "C")
    let m = transposeA ? ab.columns : ab.rows
    let k = transposeA ? ab.rows : ab.columns
    let kB = transposeB ? bb.columns : bb.rows
    let n = transposeB ? bb.rows : bb.columns
    precondition(
        k == kB && cb.rows == m && cb.columns == n,
        "gemm shapes do not match: op(A) is \(m)×\(k), op(B) is \(kB)×\(n), C block is \(cb.rows)×\(cb.columns)")
    guard m > 0 && n > 0 else { return }
    let lda = a.columns
    let ldb = b.columns
    let ldc = c.columns
    if k == 0 {
        scaleBlock(&c, cb, by: beta)
        return
    }
    BLAS.prepare()
    let splitRows = m >= n
    let parts = gemmParts(m: m, n: n, k: k)
    a.scalars.withBase { pa in
        b.scalars.withBase { pb in
            c.scalars.withMutableBase { pc in
                nonisolated(unsafe) let a0 = pa + ab.rowOffset * lda + ab.columnOffset
                nonisolated(unsafe) let b0 = pb + bb.rowOffset * ldb + bb.columnOffset
                nonisolated(unsafe) let c0 = pc + cb.rowOffset * ldc + cb.columnOffset
                threads.forEachChunk(count: parts, work: parts, threshold: 2) { _, range in
                    for part in range {
                        let side = splitRows ? m : n
                        let lo = side * part / parts
                        let hi = side * (part + 1) / parts
                        guard lo < hi else { continue }
                        // Rows of C take the same rows of op(A); columns of C the same columns of op(B).
                        let aPart = splitRows ? a0 + (transposeA ? lo : lo * lda) : a0
                        let bPart = splitRows ? b0 : b0 + (transposeB ? lo * ldb : lo)
                        let cPart = splitRows ? c0 + lo * ldc : c0 + lo
                        cblas_sgemm(
                            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans,
                            transposeB ? CblasTrans : CblasNoTrans, Int32(splitRows ? hi - lo : m),
                            Int32(splitRows ? n : hi - lo), Int32(k), alpha, aPart, Int32(lda), bPart, Int32(ldb), beta,
                            cPart, Int32(ldc))
                    }
                }
            }
        }
    }
}

/// How many parts `gemm` cuts an `m × n × k` product into, from the shape alone: at least 4 MFLOP and 64
/// rows (or columns) per part, at most 16 parts; 1 for small products.
func gemmParts(m: Int, n: Int, k: Int) -> Int {
    let byWork = (2 * m * n * k) / (1 << 22)
    let bySide = Swift.max(m, n) / 64
    return Swift.max(1, Swift.min(16, byWork, bySide))
}

/// Multiplies every element of a block of `c` by `factor` (0 sets it to 0 exactly).
private func scaleBlock(_ c: inout Tensor, _ block: MatrixBlock, by factor: Float) {
    let ldc = c.columns
    c.scalars.withMutableBase { pc in
        for i in block.rowOffset..<(block.rowOffset + block.rows) {
            for j in block.columnOffset..<(block.columnOffset + block.columns) {
                pc[i * ldc + j] = factor == 0 ? 0 : pc[i * ldc + j] * factor
            }
        }
    }
}

/// The matrix product `op(a) · op(b)` as a new `[m, n]` tensor (see `gemm` for the view of tensors as
/// matrices and the accuracy).
public func matmul(
    _ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false, threads: ThreadBudget
) -> Tensor {
    let m = transposeA ? a.columns : a.rows
    let n = transposeB ? b.rows : b.columns
    var c = Tensor.zeros([m, n])
    gemm(a, b, into: &c, transposeA: transposeA, transposeB: transposeB, threads: threads)
    return c
}

/// `x · W[0..<rows, 0..<columns]` for a larger weight `W` (`[rowsMax, columnsMax]`) without copying the block:
/// `x` is `[R, rows]`, the result `[R, columns]`. With `transposeWeight`, computes `x · W[0..<rows, 0..<columns]ᵀ`
/// instead: `x` is `[R, columns]`, the result `[R, rows]` (the input gradient of the first form).
public func matmul(
    _ x: Tensor, _ weight: Tensor, rows: Int, columns: Int, transposeWeight: Bool = false, threads: ThreadBudget
) -> Tensor {
    let block = MatrixBlock(rows: rows, columns: columns)
    var c = Tensor.zeros([x.rows, transposeWeight ? rows : columns])
    gemm(x, weight, into: &c, transposeB: transposeWeight, bBlock: block, threads: threads)
    return c
}

/// Batched product of 3-D tensors: `a` is `[B, m, k]` (or `[B, k, m]` with `transposeA`), `b` is `[B, k, n]`
/// (or `[B, n, k]` with `transposeB`); the result is `[B, m, n]`, one BLAS product per batch entry, the
/// entries shared among up to `threads.threads` threads.
public func batchedMatmul(
    _ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false, threads: ThreadBudget
) -> Tensor {
    precondition(
        a.rank == 3 && b.rank == 3 && a.shape[0] == b.shape[0],
        "batchedMatmul needs [B, ·, ·] × [B, ·, ·], got \(a.shape) and \(b.shape)")
    let batch = a.shape[0]
    let m = transposeA ? a.shape[2] : a.shape[1]
    let k = transposeA ? a.shape[1] : a.shape[2]
    let kB = transposeB ? b.shape[2] : b.shape[1]
    let n = transposeB ? b.shape[1] : b.shape[2]
    precondition(k == kB, "batchedMatmul inner dimensions differ: \(a.shape) and \(b.shape)")
    var c = Tensor.zeros([batch, m, n])
    guard m > 0 && n > 0 && k > 0 else { return c }
    BLAS.prepare()
    let lda = a.shape[2]
    let ldb = b.shape[2]
    a.scalars.withBase { pa in
        b.scalars.withBase { pb in
            c.scalars.withMutableBase { pc in
                nonisolated(unsafe) let (pa, pb, pc) = (pa, pb, pc)
                threads.forEachChunk(count: batch, work: 2 * batch * m * n * k, threshold: 1 << 22) { _, range in
                    for i in range {
                        cblas_sgemm(
                            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans,
                            transposeB ? CblasTrans : CblasNoTrans,
                            Int32(m), Int32(n), Int32(k), 1, pa + i * m * k, Int32(lda), pb + i * k * n, Int32(ldb), 0,
                            pc + i * m * n, Int32(n))
                    }
                }
            }
        }
    }
    return c
}
