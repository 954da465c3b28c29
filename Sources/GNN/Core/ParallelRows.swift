import Dispatch
import Tensor

/// Splits row loops over `Parallelism.threads` workers when the work is large enough.
enum ParallelRows {
    /// Calls `body(chunk, range)` for disjoint chunks covering `0..<count`; concurrently when `work` (elements
    /// touched) is at least `threshold` and more than one thread is allowed, else once on the calling thread.
    /// Returns the number of chunks used (chunk ids are `0..<chunks`).
    @discardableResult
    static func run(count: Int, work: Int, threshold: Int = 1 << 15, _ body: @Sendable (Int, Range<Int>) -> Void)
        -> Int
    {
        let workers = min(Parallelism.threads, count)
        if workers <= 1 || work < threshold {
            if count > 0 { body(0, 0..<count) }
            return 1
        }
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let start = count * w / workers
            let end = count * (w + 1) / workers
            if start < end { body(w, start..<end) }
        }
        return workers
    }

    /// The number of chunks `run` would use for these sizes.
    static func chunks(count: Int, work: Int, threshold: Int = 1 << 15) -> Int {
        let workers = min(Parallelism.threads, count)
        return workers <= 1 || work < threshold ? 1 : workers
    }
}
