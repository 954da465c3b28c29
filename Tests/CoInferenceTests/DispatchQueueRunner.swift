import Dispatch
import Foundation

/// Runs test work on other threads.
enum DispatchQueueRunner {
    /// Runs `body(i)` for i in 0..<count on `count` threads at once and waits for all.
    static func concurrently(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let group = DispatchGroup()
        for i in 0..<count {
            group.enter()
            Thread.detachNewThread {
                body(i)
                group.leave()
            }
        }
        group.wait()
    }

    /// Runs `body` on a thread of its own without waiting.
    static func background(_ body: @escaping @Sendable () -> Void) { Thread.detachNewThread(body) }
}
