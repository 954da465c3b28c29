/// `quit`: leaves the REPL or stops a script.
struct QuitCommand: Command {
    static let spec = CommandSpec(
        name: "quit", aliases: ["exit"], group: .session, summary: "Leave the REPL (Ctrl-D too) or stop a script",
        examples: ["quit"], records: false)

    static func run(_ call: Invocation, in shell: Shell) throws {
        shell.quitRequested = true
    }
}
