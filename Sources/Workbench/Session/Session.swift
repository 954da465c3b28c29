import Foundation

/// The state a user builds up: named values, settings and the history of commands.
///
/// A class because a session has identity: the REPL, a script and a notebook each work on one.
public final class Session {
    /// Named values in the order they were first defined.
    public private(set) var names: [String] = []
    private var values: [String: any NamedValue] = [:]
    /// Settings by key (see `Setting.all`).
    public var settings: [String: Value]
    /// Every statement run, numbered from 1.
    public private(set) var history: [HistoryEntry] = []
    /// The directory relative paths are resolved against.
    public var directory: String

    /// An empty session with initial settings, resolving paths against `directory` (default: the current one).
    public init(directory: String = FileManager.default.currentDirectoryPath) {
        var settings: [String: Value] = [:]
        for setting in Setting.all { settings[setting.name] = setting.initial }
        self.settings = settings
        self.directory = directory
    }

    /// The value named `name`, of any kind.
    public func value(named name: String) -> (any NamedValue)? { values[name] }

    /// Stores `value` under `name`, replacing any earlier value of that name.
    public func define(_ name: String, _ value: any NamedValue) {
        if values[name] == nil { names.append(name) }
        values[name] = value
    }

    /// Removes the value named `name`; returns whether there was one.
    @discardableResult
    public func remove(_ name: String) -> Bool {
        guard values.removeValue(forKey: name) != nil else { return false }
        names.removeAll { $0 == name }
        return true
    }

    /// The names of values of kind `T`.
    public func names<T: NamedValue>(of kind: T.Type) -> [String] { names.filter { values[$0] is T } }

    /// The value named `name` as a `T`, or an error that says what was found instead (pointing at `argument`).
    public func value<T: NamedValue>(_ name: String, as kind: T.Type, for call: Invocation, argument: String)
        throws(ScriptError) -> T
    {
        guard let found = values[name] else {
            throw call.error("no value named '\(name)'\(Suggestions.hint(for: name, in: names))", at: argument)
        }
        guard let typed = found as? T else {
            throw call.error("'\(name)' is \(found.kindName), expected \(T.kindName)", at: argument)
        }
        return typed
    }

    /// An integer setting such as `seed`.
    public func integerSetting(_ name: String) -> Int { settings[name]?.integerValue ?? 0 }

    /// `path` resolved against `directory` (`~` expands to the home directory); kept relative when the
    /// directory is the current one, so that messages show paths as the user wrote them.
    public func resolvePath(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") || directory.isEmpty || directory == "."
            || directory == FileManager.default.currentDirectoryPath
        {
            return expanded
        }
        return (directory as NSString).appendingPathComponent(expanded)
    }

    /// Appends a history entry and returns its number.
    @discardableResult
    public func appendHistory(typed: String, recorded: String?) -> Int {
        let number = history.count + 1
        history.append(HistoryEntry(number: number, typed: typed, recorded: recorded))
        return number
    }

    /// The recorded canonical lines of history entries in `range` (all when `nil`).
    public func recordedLines(in range: ClosedRange<Int>? = nil) -> [String] {
        history.filter { range?.contains($0.number) ?? true }.compactMap(\.recorded)
    }

    /// Whether `other` holds the same names (in order), equal values and equal settings.
    public func hasSameState(as other: Session) -> Bool {
        guard names == other.names, settings == other.settings else { return false }
        return names.allSatisfy { name in
            guard let a = values[name], let b = other.values[name] else { return false }
            return a.isSame(as: b)
        }
    }
}
