extension PaperTable: NamedValue {
    /// "paper table".
    public static var kindName: String { "paper table" }

    /// `18 rows on pi-i7, tx2-i7 × 10/40/100 Mbit/s`.
    public var summary: String {
        "\(rows.count) rows on " + settings.systems.map(\.name).joined(separator: ", ") + " × "
            + settings.bandwidths.map { Value.format($0) }.joined(separator: "/") + " Mbit/s"
    }

    /// The Markdown table with its settings, searches and goal check.
    public var details: String { markdown }
}
