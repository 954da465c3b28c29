/// A problem with a command line (lexing, resolving or running it), with the place it points at.
///
/// Rendered as `FILE:LINE:COL: error: message`, then the offending line and a caret under the column, for
/// replayed files; `error: message` (plus line and caret when they help) interactively.
public struct ScriptError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, phrased so that a user can act on it.
    public var message: String
    /// The column (1-based, in characters) within `line` that the error points at.
    public var column: Int
    /// The text of the offending line, when known.
    public var line: String
    /// The file and line number; filled in by the shell when the line came from a file.
    public var location: SourceLocation?

    /// An error pointing at `column` of `line`.
    public init(_ message: String, column: Int, line: String, location: SourceLocation? = nil) {
        self.message = message
        self.column = column
        self.line = line
        self.location = location
    }

    /// `FILE:LINE:COL: error: message` when the location has a file, else `error: message`.
    public var headline: String {
        if let location, location.file != nil { return "\(location): error: \(message)" }
        return "error: \(message)"
    }

    /// The headline, the offending line and a caret under the column.
    public var description: String {
        guard !line.isEmpty else { return headline }
        let pad = String(repeating: " ", count: max(0, column - 1))
        return "\(headline)\n    \(line)\n    \(pad)^"
    }
}
