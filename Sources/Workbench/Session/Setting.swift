/// A session setting changed with `set KEY=VALUE` and shown by `show settings`.
public struct Setting: Sendable {
    /// The key, as written in `set KEY=VALUE`.
    public var name: String
    /// Its value type.
    public var type: ValueType
    /// Its value in a new session.
    public var initial: Value
    /// One line of help.
    public var help: String

    /// A setting; see the properties.
    public init(_ name: String, _ type: ValueType, _ initial: Value, _ help: String) {
        self.name = name
        self.type = type
        self.initial = initial
        self.help = help
    }

    /// Every setting `set` knows, in the order `show settings` lists them. Add one here.
    public static let all: [Setting] = [
        Setting("seed", .integer, .integer(1), "seed of every command that samples, unless it is given seed="),
        Setting("threads", .integer, .integer(2), "worker threads for parallel work"),
    ]
}
