import CBLAS

/// The one place GNN multiplies matrices (row-major, BLAS); every layer goes through it.
enum Matmul {
    /// `C[m×n] = alpha · op(A) · op(B) + beta · C`, all row-major with leading dimensions `lda`, `ldb`, `ldc`;
    /// `op(A)` is `m×k` (A stored `k×m` when `transA`), `op(B)` is `k×n` (B stored `n×k` when `transB`).
    static func gemm(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float = 1,
        a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        if m == 0 || n == 0 { return }
        if k == 0 {
            if beta == 0 {
                for r in 0..<m { (c + r * ldc).update(repeating: 0, count: n) }
            } else if beta != 1 {
                for r in 0..<m { for j in 0..<n { c[r * ldc + j] *= beta } }
            }
            return
        }
        cblas_sgemm(
            CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}
