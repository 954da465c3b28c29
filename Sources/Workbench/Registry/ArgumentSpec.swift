/// One argument of a command: how it is written, its type, its default and its help line.
public struct ArgumentSpec: Sendable {
    /// How an argument appears on the command line.
    public enum Form: Sendable, Equatable {
        /// By position, in the order the spec lists positionals (`load PATH`).
        case positional
        /// As `key=value` in any order (`count=32`).
        case key
        /// After a marker word (`as NAME`, `to PATH`).
        case marked(String)
    }

    /// What happens when the argument is not given.
    public enum Default: Sendable {
        /// The argument must be given.
        case required
        /// The argument may be left out and then has no value.
        case optional
        /// The literal, parsed as the argument's type (the recorder writes it out).
        case value(String)
        /// The current value of a session setting such as `seed` (the recorder writes the effective value).
        case setting(String)
        /// Computed from the other arguments (described for help, such as "the file's stem").
        case derived(String, @Sendable (_ arguments: [String: Value]) -> Value?)
    }

    /// The argument's name: the key for `key=value`, the placeholder for positionals and marked arguments.
    public var name: String
    /// How it is written.
    public var form: Form
    /// What its text parses into.
    public var type: ValueType
    /// What happens when it is left out.
    public var defaultValue: Default
    /// One line of help.
    public var help: String
    /// What tab completion offers for its value (by default the natural one for its type).
    public var completer: Completer

    /// An argument; `help` is one short line.
    public init(_ name: String, _ form: Form, _ type: ValueType, _ defaultValue: Default, _ help: String) {
        self.name = name
        self.form = form
        self.type = type
        self.defaultValue = defaultValue
        self.help = help
        self.completer = .forType(type)
    }

    /// The same argument completing with `completer`.
    public func completing(_ completer: Completer) -> ArgumentSpec {
        var copy = self
        copy.completer = completer
        return copy
    }

    /// A required positional argument.
    public static func positional(_ name: String, _ type: ValueType, _ help: String) -> ArgumentSpec {
        ArgumentSpec(name, .positional, type, .required, help)
    }

    /// A positional argument with a default (or `.optional`).
    public static func positional(_ name: String, _ type: ValueType, _ defaultValue: Default, _ help: String)
        -> ArgumentSpec
    { ArgumentSpec(name, .positional, type, defaultValue, help) }

    /// A `key=value` argument.
    public static func key(_ name: String, _ type: ValueType, _ defaultValue: Default, _ help: String) -> ArgumentSpec {
        ArgumentSpec(name, .key, type, defaultValue, help)
    }

    /// The `as NAME` argument that names the value a command creates, under the argument name `as`.
    public static func resultName(_ defaultValue: Default = .required, _ help: String = "session name of the result")
        -> ArgumentSpec
    { ArgumentSpec("as", .marked("as"), .name, defaultValue, help) }

    /// How the argument is shown in a synopsis, e.g. `PATH`, `count=N`, `[as NAME]`.
    public var synopsis: String {
        let core: String
        switch form {
        case .positional: core = positionalPlaceholder
        case .key: core = "\(name)=\(type.placeholder)"
        case .marked(let word): core = "\(word) \(type == .name ? "NAME" : type.placeholder)"
        }
        if case .required = defaultValue { return core }
        return "[\(core)]"
    }

    /// A positional's placeholder: the choices for flags and choices (`on|off`), else the name in capitals.
    public var positionalPlaceholder: String {
        switch type {
        case .flag, .choice: return type.placeholder
        default: return name.uppercased()
        }
    }

    /// The default as help shows it, or `nil` when there is none to show.
    public var defaultDescription: String? {
        switch defaultValue {
        case .required, .optional: return nil
        case .value(let text): return text
        case .setting(let key): return "the session's \(key)"
        case .derived(let text, _): return text
        }
    }
}
