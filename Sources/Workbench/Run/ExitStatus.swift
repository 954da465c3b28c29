/// The exit statuses of `tandem`; chosen only by the Workbench.
public enum ExitStatus: Int32, Sendable {
    /// Everything succeeded.
    case success = 0
    /// A command or a notebook check failed.
    case failure = 1
    /// `tandem` itself was called wrongly (sysexits EX_USAGE).
    case usage = 64
}
