/// A resolved command: which command, every argument's value (defaults filled in) and where it came from.
///
/// This is what parsing returns; running it is a separate step. `canonicalText` is what the recorder writes.
public struct Invocation: Sendable {
    /// The command to run.
    public var command: any Command.Type
    /// Argument values by argument name, defaults included.
    public var arguments: [String: Value]
    /// Names of the arguments written on the line (the others came from defaults).
    public var given: Set<String>
    /// The columns where each given argument's value starts, for errors that point at it.
    public var columns: [String: Int]
    /// The column of the command's first word.
    public var column: Int
    /// The line the command came from.
    public var line: String
    /// Where the line came from (file and line number), when known.
    public var location: SourceLocation?

    /// An invocation of `command` with the given values.
    public init(
        command: any Command.Type, arguments: [String: Value], given: Set<String> = [], columns: [String: Int] = [:],
        column: Int = 1, line: String = "", location: SourceLocation? = nil
    ) {
        self.command = command
        self.arguments = arguments
        self.given = given
        self.columns = columns
        self.column = column
        self.line = line
        self.location = location
    }

    /// The command's table entry.
    public var spec: CommandSpec { command.spec }

    /// The canonical line: canonical name, then every argument that has a value, in table order.
    public var canonicalText: String {
        var parts = [spec.name]
        for argument in spec.arguments {
            guard let value = arguments[argument.name] else { continue }
            switch argument.form {
            case .positional: parts.append(value.description)
            case .key: parts.append("\(argument.name)=\(value.description)")
            case .marked(let word): parts.append("\(word) \(value.description)")
            }
        }
        return parts.joined(separator: " ")
    }

    /// The value of argument `name`, if it has one.
    public subscript(_ name: String) -> Value? { arguments[name] }

    /// The text of argument `name` (paths, names, text, choices), if it has one.
    public func text(_ name: String) -> String? { arguments[name]?.textValue }

    /// The integer argument `name`; `fallback` when it has no value.
    public func integer(_ name: String, default fallback: Int = 0) -> Int { arguments[name]?.integerValue ?? fallback }

    /// The numeric argument `name` (durations in seconds, rates in bit/s); `fallback` when it has no value.
    public func number(_ name: String, default fallback: Double = 0) -> Double {
        arguments[name]?.doubleValue ?? fallback
    }

    /// The flag argument `name`; `fallback` when it has no value.
    public func flag(_ name: String, default fallback: Bool = false) -> Bool { arguments[name]?.flagValue ?? fallback }

    /// The integer argument `name` (default `seed`) as a generator seed (negative values wrap around).
    public func seed(_ name: String = "seed") -> UInt64 { UInt64(bitPattern: Int64(integer(name))) }

    /// An error pointing at argument `name` (or at the command when it was not written).
    public func error(_ message: String, at name: String? = nil) -> ScriptError {
        let column = name.flatMap { columns[$0] } ?? self.column
        return ScriptError(message, column: column, line: line, location: location)
    }
}
