/// `help [TOPIC]`: the overview, one command, or one group.
struct HelpCommand: Command {
    static let spec = CommandSpec(
        name: "help", group: .session, summary: "Show the commands, or help on one command or group",
        arguments: [
            .positional("topic", .text, .optional, "a command or a group").completing(.commands),
            .positional("subcommand", .text, .optional, "the second word of a two-word command"),
        ],
        examples: ["help", "help load", "help data", "help make shapes"], records: false,
        details: "`VERB -h` and `VERB --help` show the same as `help VERB`.")

    static func run(_ call: Invocation, in shell: Shell) throws {
        let topic = [call.text("topic"), call.text("subcommand")].compactMap { $0 }.joined(separator: " ")
        shell.console.print(try text(for: topic.isEmpty ? nil : topic, registry: shell.registry, call: call))
    }

    /// The help text for `topic` (the overview when `nil`).
    static func text(for topic: String?, registry: CommandRegistry, call: Invocation) throws -> String {
        let help = HelpText(registry: registry)
        guard let topic else { return help.overview }
        if let command = registry.command(named: topic) { return help.command(command.spec) }
        if let group = registry.groups.first(where: { $0.name == topic }) { return help.group(group) }
        let family = registry.specs.filter { $0.words.count > 1 && $0.words[0] == topic }
        if !family.isEmpty {
            return family.map { help.command($0) }.joined(separator: "\n\n")
        }
        let known = registry.firstWords + registry.groups.map(\.name)
        throw call.error("no command or group '\(topic)'\(Suggestions.hint(for: topic, in: known))", at: "topic")
    }
}
