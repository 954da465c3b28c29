/// `show NAME`: the details of one named value.
struct ShowCommand: Command {
    static let spec = CommandSpec(
        name: "show", group: .session, summary: "Show a named value in detail",
        arguments: [.positional("name", .name, "the value to show")], examples: ["show shapes"], records: false)

    static func run(_ call: Invocation, in shell: Shell) throws {
        let name = call.text("name") ?? ""
        guard let value = shell.session.value(named: name) else {
            throw call.error(
                "no value named '\(name)'\(Suggestions.hint(for: name, in: shell.session.names + ["settings"]))",
                at: "name")
        }
        shell.console.print("\(name): \(value.kindName)")
        shell.console.print(value.details)
    }
}
