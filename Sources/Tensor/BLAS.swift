import CBLAS

/// The one-time configuration of OpenBLAS: its own thread pool is held at one thread, because every caller
/// passes its `ThreadBudget` and Tensor's kernels split the work themselves (so two callers with different
/// budgets never change each other's BLAS thread count). Set once, before the first BLAS call, never changed.
enum BLAS {
    private static let configured: Bool = {
        openblas_set_num_threads(1)
        return true
    }()

    /// Makes sure OpenBLAS has been configured before a BLAS call.
    @inline(__always)
    static func prepare() { _ = configured }
}
