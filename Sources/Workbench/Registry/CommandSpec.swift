/// Everything the command table knows about one command; help, completion, suggestions, the README and the
/// resolver all read it.
public struct CommandSpec: Sendable {
    /// The canonical name, one word or two (`show`, `make shapes`); the recorder always writes this.
    public var name: String
    /// Other full names accepted for the command (`ls` for `list`), each as many words as `name`.
    public var aliases: [String]
    /// The group it is listed under.
    public var group: CommandGroup
    /// One line saying what it does (no final period).
    public var summary: String
    /// Its arguments, in the order the synopsis and the recorder write them.
    public var arguments: [ArgumentSpec]
    /// At least one complete example line.
    public var examples: [String]
    /// Whether a successful run is recorded for `save` (false for `help`, `show`, `list` and the like).
    public var records: Bool
    /// More help text, printed by `help VERB` after the argument list (may be empty).
    public var details: String

    /// A command table entry; see the properties.
    public init(
        name: String, aliases: [String] = [], group: CommandGroup, summary: String,
        arguments: [ArgumentSpec] = [], examples: [String], records: Bool, details: String = ""
    ) {
        precondition(!examples.isEmpty, "command '\(name)' needs at least one example")
        self.name = name
        self.aliases = aliases
        self.group = group
        self.summary = summary
        self.arguments = arguments
        self.examples = examples
        self.records = records
        self.details = details
    }

    /// The words of the canonical name.
    public var words: [String] { name.split(separator: " ").map(String.init) }

    /// `name` followed by each argument's synopsis form.
    public var synopsis: String { ([name] + arguments.map(\.synopsis)).joined(separator: " ") }

    /// The argument named `name`, if any.
    public func argument(_ name: String) -> ArgumentSpec? { arguments.first { $0.name == name } }
}
