/// The command table: every command the language knows, in registration order.
public struct CommandRegistry: Sendable {
    /// The registered commands, in the order help lists them.
    public let commands: [any Command.Type]

    /// A table of `commands`; names and aliases must be unique.
    public init(_ commands: [any Command.Type]) {
        var seen = Set<String>()
        for command in commands {
            for name in [command.spec.name] + command.spec.aliases {
                precondition(seen.insert(name).inserted, "command name '\(name)' registered twice")
            }
        }
        self.commands = commands
    }

    /// The table entries, in registration order.
    public var specs: [CommandSpec] { commands.map { $0.spec } }

    /// The groups, in order of first appearance.
    public var groups: [CommandGroup] {
        var result: [CommandGroup] = []
        for spec in specs where !result.contains(spec.group) { result.append(spec.group) }
        return result
    }

    /// The command whose canonical name or alias is exactly `name`.
    public func command(named name: String) -> (any Command.Type)? {
        commands.first { $0.spec.name == name || $0.spec.aliases.contains(name) }
    }

    /// Every spelling (canonical names and aliases) of every command.
    public var allNames: [String] { specs.flatMap { [$0.name] + $0.aliases } }

    /// The first words of all spellings, each once, in order.
    public var firstWords: [String] {
        var result: [String] = []
        for name in allNames {
            let word = String(name.split(separator: " ")[0])
            if !result.contains(word) { result.append(word) }
        }
        return result
    }
}
