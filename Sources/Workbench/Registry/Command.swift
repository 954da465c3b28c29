/// A command of the language: its table entry and what it does.
///
/// One type per file under `Sources/Workbench/Commands/`, listed once in `CommandRegistry.standard`.
/// `run` reads its arguments from the resolved `Invocation`, works on `shell.session`, prints through
/// `shell.console`, reports long work through `shell.progress(_:)`, checks `shell.cancellation`, and throws
/// on failure (the shell prints the error and picks the exit status).
public protocol Command: Sendable {
    /// The command's table entry.
    static var spec: CommandSpec { get }
    /// Runs the resolved invocation in `shell`.
    static func run(_ call: Invocation, in shell: Shell) throws
}
