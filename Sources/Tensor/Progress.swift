import Synchronization

/// How long-running work reports progress without knowing who listens (a progress bar, a log, a test).
///
/// Lower modules call `report`; only the Workbench turns reports into output. A sink that does nothing is
/// `Progress.silent`.
public struct Progress: Sendable {
    /// One report: `done` of `total` units finished (`total` 0 when unknown), with a short note such as
    /// "loss 1.23".
    public typealias Handler = @Sendable (_ done: Int, _ total: Int, _ note: String) -> Void

    private let handler: Handler?

    /// A progress sink calling `handler` for every report.
    public init(_ handler: @escaping Handler) { self.handler = handler }

    private init() { handler = nil }

    /// A sink that ignores every report.
    public static let silent = Progress()

    /// Reports that `done` of `total` units are finished.
    public func report(_ done: Int, of total: Int, note: String = "") {
        handler?(done, total, note)
    }
}

/// A flag that long work checks between steps so that Ctrl-C in the REPL can stop it cleanly.
///
/// The holder of the flag (the Workbench) calls `cancel()`, possibly from a signal-handling thread; the
/// work calls `check()` at safe points and unwinds with `CancellationError`.
public final class Cancellation: Sendable {
    private let flag = Atomic<Bool>(false)

    /// A flag that is not yet cancelled.
    public init() {}

    /// A shared flag that is never cancelled, for callers with nothing to cancel.
    public static let never = Cancellation()

    /// Asks the work to stop at its next check.
    public func cancel() { flag.store(true, ordering: .relaxed) }

    /// Clears the flag so that the next command can run.
    public func reset() { flag.store(false, ordering: .relaxed) }

    /// Whether `cancel()` was called since the last `reset()`.
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }

    /// Throws `CancellationError` when cancelled.
    public func check() throws(CancellationError) {
        if isCancelled { throw CancellationError() }
    }
}
