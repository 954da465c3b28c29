/// What tab completion offers for an argument's value.
public enum Completer: Sendable, Equatable {
    /// Nothing.
    case none
    /// File names (left to the line editor).
    case files
    /// Names of session values.
    case names
    /// Command words and group names (for `help`).
    case commands
    /// Setting keys.
    case settings
    /// A fixed list of words.
    case words([String])

    /// The natural completer for a value type.
    public static func forType(_ type: ValueType) -> Completer {
        switch type {
        case .path: return .files
        case .name: return .names
        case .flag: return .words(["on", "off"])
        case .choice(let words): return .words(words)
        default: return .none
        }
    }
}
