import CDNNL

/// The GEMM library under `gemm`, `matmul`, `batchedMatmul` and the kNN distance products: oneDNN's
/// `dnnl_sgemm`, chosen by measurement (README, "GEMM"), always called on one thread; Tandem's kernels split
/// large products themselves within the caller's `ThreadBudget`, so no library thread pool runs (nothing
/// spins, nothing oversubscribes the cores) and a result does not depend on the budget.
public enum GEMMKernel {
    /// `oneDNN 2.6.3 dnnl_sgemm, ISA avx512_core_bf16` (the version and the instruction set its JIT uses here).
    public static var description: String {
        let v = dnnl_version().pointee
        return "oneDNN \(v.major).\(v.minor).\(v.patch) dnnl_sgemm, ISA \(String(cString: tandem_dnnl_isa()))"
    }

    /// Row-major `C = alpha · op(A) · op(B) + beta · C` (`op(A)` is `m × k`, `op(B)` `k × n`) on the calling
    /// thread; with `beta == 0` the previous contents of C are ignored.
    @inline(__always)
    static func sgemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float, a: UnsafePointer<Float>,
        lda: Int, b: UnsafePointer<Float>, ldb: Int, beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        let status = tandem_sgemm_single(
            CChar(UInt8(ascii: transposeA ? "T" : "N")), CChar(UInt8(ascii: transposeB ? "T" : "N")), m, n, k, alpha,
            a, lda, b, ldb, beta, c, ldc)
        precondition(status == 0, "dnnl_sgemm failed with status \(status) for \(m)×\(k)×\(n)")
    }
}
