/// A command that failed (cancelled, diverged) after part of its work took effect: the shell reports
/// `underlying` and records `recorded` instead of nothing, so that `save` replays what really happened.
public struct PartialRun: Error {
    /// The error to report.
    public var underlying: any Error
    /// The command that reproduces the completed part (such as `epochs=` set to the completed epochs).
    public var recorded: Invocation

    /// A partial run; see the properties.
    public init(underlying: any Error, recorded: Invocation) {
        self.underlying = underlying
        self.recorded = recorded
    }
}
