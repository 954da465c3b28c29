/// A plain text table with left-aligned columns separated by two blanks.
public struct Table: Sendable {
    /// The column titles.
    public var header: [String]
    /// The rows, each as many cells as `header`.
    public var rows: [[String]]

    /// A table; see the properties.
    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// The rendered lines (no trailing blanks), joined by newlines.
    public var text: String {
        let all = [header] + rows
        let widths = header.indices.map { column in
            all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
        }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
