/// `apropos WORD`: commands that mention a word.
struct AproposCommand: Command {
    static let spec = CommandSpec(
        name: "apropos", group: .session, summary: "List the commands whose help mentions a word",
        arguments: [.positional("word", .text, "the word to look for (case-insensitive)")],
        examples: ["apropos seed"], records: false)

    static func run(_ call: Invocation, in shell: Shell) throws {
        let word = call.text("word") ?? ""
        let found = HelpText(registry: shell.registry).apropos(word)
        guard !found.isEmpty else {
            shell.console.print("nothing mentions '\(word)'")
            return
        }
        let width = found.map(\.name.count).max() ?? 0
        for spec in found {
            shell.console.print(
                spec.name + String(repeating: " ", count: width - spec.name.count) + "  " + spec.summary)
        }
    }
}
