/// `output [FILE]`: sends results to a file, or back to the screen.
struct OutputCommand: Command {
    static let spec = CommandSpec(
        name: "output", group: .session, summary: "Send command results to a file, or back to the screen",
        arguments: [.positional("path", .path, .optional, "the file to write (omit to go back to the screen)")],
        examples: ["output results.txt", "output"], records: false,
        details: "Errors and progress still go to the screen.")

    static func run(_ call: Invocation, in shell: Shell) throws {
        let path = call.text("path")
        do {
            try shell.console.redirect(to: path.map(shell.session.resolvePath))
        } catch {
            throw call.error(String(describing: error), at: "path")
        }
    }
}
