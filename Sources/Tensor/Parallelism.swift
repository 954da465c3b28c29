import CBLAS
import Dispatch
import Synchronization

/// The process-wide thread budget for Tensor kernels and OpenBLAS.
///
/// `threads` (default 2) bounds how many workers a parallel kernel starts and is also passed to
/// `openblas_set_num_threads`. Kernels parallelise only when their work exceeds a threshold (small problems
/// run on the calling thread), and while a kernel runs its own workers OpenBLAS is held at 1 thread so the
/// two never oversubscribe the cores.
public enum Parallelism {
    private static let threadCount = Atomic<Int>(2)

    /// Set once, lazily, on the first kernel call: OpenBLAS uses the same default as `threads`.
    private static let blasConfigured: Bool = {
        openblas_set_num_threads(2)
        return true
    }()

    /// The number of threads Tensor kernels and OpenBLAS may use (at least 1; default 2).
    public static var threads: Int {
        get { threadCount.load(ordering: .relaxed) }
        set {
            _ = blasConfigured
            let value = Swift.max(1, newValue)
            threadCount.store(value, ordering: .relaxed)
            openblas_set_num_threads(Int32(value))
        }
    }

    /// Makes sure OpenBLAS has been told the thread count before a BLAS call.
    static func prepareBLAS() { _ = blasConfigured }

    /// Runs `body` over contiguous chunks covering `0..<count`.
    ///
    /// When `work` (a rough count of floating-point operations or elements touched) is at least
    /// `threshold` and `threads > 1`, the range is cut into up to `4 · threads` chunks that `threads` workers
    /// take in turn (so a worker slowed by another process leaves its share to the others); otherwise
    /// `body(0..<count)` runs on the calling thread. Chunks are disjoint, so `body` may write disjoint parts
    /// of an output; results must not depend on how the range is cut.
    static func forEachChunk(
        count: Int, work: Int, threshold: Int = 1 << 16, _ body: @Sendable (Range<Int>) -> Void
    ) {
        guard count > 0 else { return }
        let workers = Swift.min(threads, count)
        if workers <= 1 || work < threshold {
            body(0..<count)
            return
        }
        prepareBLAS()
        openblas_set_num_threads(1)
        let chunks = Swift.min(count, 4 * workers)
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let chunk = next.add(1, ordering: .relaxed).oldValue
                if chunk >= chunks { break }
                let start = count * chunk / chunks
                let end = count * (chunk + 1) / chunks
                if start < end { body(start..<end) }
            }
        }
        openblas_set_num_threads(Int32(threads))
    }
}
