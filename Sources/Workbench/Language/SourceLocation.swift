/// Where a piece of command text came from: a file (or `nil` when typed), a 1-based line and column.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    /// The script, notebook or `-c` origin; `nil` for a line typed interactively.
    public var file: String?
    /// The 1-based line within `file`.
    public var line: Int
    /// The 1-based column (in characters) within the line.
    public var column: Int

    /// A location at `line`:`column` of `file`.
    public init(file: String?, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `FILE:LINE:COL`, or `LINE:COL` without a file.
    public var description: String {
        if let file { return "\(file):\(line):\(column)" }
        return "\(line):\(column)"
    }
}
