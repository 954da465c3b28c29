import Dispatch
import Synchronization

/// How many threads a kernel may use: a value the caller passes down, never a process-wide setting.
///
/// Two callers in one process may pass different budgets at the same time and each gets exactly the result it
/// would get alone (the result of a kernel may depend on its budget, never on another caller's).
public struct ThreadBudget: Sendable, Hashable, CustomStringConvertible {
    /// The number of threads (at least 1).
    public let threads: Int

    /// A budget of `threads` threads (values below 1 mean 1).
    public init(threads: Int) { self.threads = Swift.max(1, threads) }

    /// One thread: everything runs on the calling thread.
    public static let single = ThreadBudget(threads: 1)

    /// `N threads` or `1 thread`.
    public var description: String { threads == 1 ? "1 thread" : "\(threads) threads" }

    /// Runs `body(chunk, range)` over disjoint contiguous chunks covering `0..<count`.
    ///
    /// When `work` (a rough count of floating-point operations or elements touched) is at least `threshold`
    /// and the budget has more than one thread, the range is cut into `chunks(count:work:threshold:)` chunks
    /// that up to `threads` workers take in turn; otherwise `body(0, 0..<count)` runs on the calling thread.
    /// The cut depends only on `count`, `work`, `threshold` and this budget, so results that depend on the cut
    /// are still the same for the same budget.
    public func forEachChunk(
        count: Int, work: Int, threshold: Int = 1 << 16, _ body: @Sendable (Int, Range<Int>) -> Void
    ) {
        guard count > 0 else { return }
        let chunks = chunks(count: count, work: work, threshold: threshold)
        if chunks == 1 {
            body(0, 0..<count)
            return
        }
        let workers = Swift.min(threads, chunks)
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let chunk = next.add(1, ordering: .relaxed).oldValue
                if chunk >= chunks { break }
                let start = count * chunk / chunks
                let end = count * (chunk + 1) / chunks
                if start < end { body(chunk, start..<end) }
            }
        }
    }

    /// How many chunks `forEachChunk` cuts `0..<count` into for this work (1 when it runs serially):
    /// up to `4 · threads`, so a worker slowed by another process leaves its share to the others.
    public func chunks(count: Int, work: Int, threshold: Int = 1 << 16) -> Int {
        if threads <= 1 || count <= 1 || work < threshold { return 1 }
        return Swift.min(count, 4 * threads)
    }
}
