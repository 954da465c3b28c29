/// The type an argument's text is parsed into; it also picks the completer and the help wording.
public enum ValueType: Sendable, Equatable {
    /// A whole number such as `32` or `-1`.
    case integer
    /// A decimal number such as `0.5` or `1e-3`.
    case number
    /// Free text.
    case text
    /// A file path (completes file names).
    case path
    /// The name of a session value (completes session names).
    case name
    /// `on`/`off` (also `true`/`false`, `yes`/`no`, `1`/`0`).
    case flag
    /// A time with a unit: `ns`, `us`, `ms`, `s`, `min`, `h` (`5ms`).
    case duration
    /// A bit rate with a unit: `bit`, `kbit`, `mbit`, `gbit` (decimal, per second: `40mbit`).
    case bitrate
    /// One of a fixed set of words.
    case choice([String])

    /// The placeholder shown in synopses, such as `N`, `PATH` or `on|off`.
    public var placeholder: String {
        switch self {
        case .integer: return "N"
        case .number: return "X"
        case .text: return "TEXT"
        case .path: return "PATH"
        case .name: return "NAME"
        case .flag: return "on|off"
        case .duration: return "TIME"
        case .bitrate: return "RATE"
        case .choice(let words): return words.joined(separator: "|")
        }
    }
}
