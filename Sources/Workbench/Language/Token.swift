/// One word of a command line after quotes are removed.
public struct Token: Sendable, Equatable {
    /// The word's text with quotes and escapes removed.
    public var text: String
    /// The 1-based column of the word's first character in the line.
    public var column: Int
    /// Whether any part of the word was quoted (a quoted word is never a key, marker or flag).
    public var quoted: Bool
    /// The character offset of the first unquoted `=` in `text`, making the word `key=value`.
    public var equalsOffset: Int?

    /// A token; see the properties.
    public init(text: String, column: Int, quoted: Bool = false, equalsOffset: Int? = nil) {
        self.text = text
        self.column = column
        self.quoted = quoted
        self.equalsOffset = equalsOffset
    }

    /// For `key=value`, the key; otherwise `nil`. `key<=value` (an upper bound, `latency<=30ms`) has the
    /// same key: the `<` before the `=` is dropped, so commands read bounds like any other key.
    public var key: String? {
        guard let equalsOffset else { return nil }
        let key = text.prefix(equalsOffset)
        return String(key.count > 1 && key.hasSuffix("<") ? key.dropLast() : key)
    }

    /// For `key=value`, the value; otherwise the whole text.
    public var value: String {
        guard let equalsOffset else { return text }
        return String(text.dropFirst(equalsOffset + 1))
    }

    /// The column where the value of `key=value` starts (the token's column otherwise).
    public var valueColumn: Int { column + (equalsOffset.map { $0 + 1 } ?? 0) }

    /// Whether the word is exactly `word` and unquoted (a marker such as `as` or `to`).
    public func isBare(_ word: String) -> Bool { !quoted && equalsOffset == nil && text == word }
}
