import Tensor

/// `run PATH`: replays a script in this session.
struct RunCommand: Command {
    static let spec = CommandSpec(
        name: "run", group: .session, summary: "Run the commands of a script file in this session",
        arguments: [.positional("path", .path, "the script to run")], examples: ["run session.tandem"],
        records: false, details: "The script's commands are recorded one by one, so `save` writes them, not `run`.")

    static func run(_ call: Invocation, in shell: Shell) throws {
        let path = call.text("path") ?? ""
        let text: String
        do {
            text = try AtomicFile.read(shell.session.resolvePath(path))
        } catch {
            throw call.error(error.description, at: "path")
        }
        let outcome = shell.runScript(text, file: path)
        if outcome.failures > 0 { throw call.error("\(path) stopped at its first error", at: "path") }
    }
}
