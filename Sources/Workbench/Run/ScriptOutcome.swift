/// What running a script (or a line) came to.
public struct ScriptOutcome: Sendable, Equatable {
    /// How many statements failed.
    public var failures: Int
    /// Whether `quit` was run.
    public var quit: Bool

    /// An outcome; see the properties.
    public init(failures: Int = 0, quit: Bool = false) {
        self.failures = failures
        self.quit = quit
    }

    /// `success` when nothing failed, else `failure`.
    public var status: ExitStatus { failures == 0 ? .success : .failure }
}
