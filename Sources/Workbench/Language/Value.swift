/// A parsed argument value; its `description` is the canonical spelling that the recorder writes.
public enum Value: Sendable, Equatable, CustomStringConvertible {
    /// A whole number.
    case integer(Int)
    /// A decimal number.
    case number(Double)
    /// Text (also paths, names and choices).
    case text(String)
    /// A boolean written `on`/`off`.
    case flag(Bool)
    /// A time in seconds, written with the largest unit that keeps it whole (`5ms`).
    case duration(seconds: Double)
    /// A bit rate in bits per second, written with the largest unit that keeps it whole (`40mbit`).
    case bitrate(bitsPerSecond: Double)

    /// The canonical spelling, quoted when needed so that it lexes back to the same value.
    public var description: String {
        switch self {
        case .integer(let n): return String(n)
        case .number(let x): return Value.format(x)
        case .text(let s): return Value.quoteIfNeeded(s)
        case .flag(let b): return b ? "on" : "off"
        case .duration(let seconds): return Units.format(seconds, units: Units.durations)
        case .bitrate(let rate): return Units.format(rate, units: Units.bitrates)
        }
    }

    /// A number without a trailing `.0` when whole.
    static func format(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return String(x)
    }

    /// `s` as is when it lexes back to one plain word, else in double quotes with `"` and `\` escaped.
    public static func quoteIfNeeded(_ s: String) -> String {
        let special: Set<Character> = [" ", "\t", "\"", "'", "#", ";", "=", "\\"]
        if !s.isEmpty && !s.contains(where: { special.contains($0) }) { return s }
        let escaped = s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\""
    }

    /// The value as an `Int` when it is an integer.
    public var integerValue: Int? {
        if case .integer(let n) = self { return n }
        return nil
    }

    /// The value as a `Double` for integers, numbers, durations (seconds) and bit rates (bit/s).
    public var doubleValue: Double? {
        switch self {
        case .integer(let n): return Double(n)
        case .number(let x), .duration(let x), .bitrate(let x): return x
        default: return nil
        }
    }

    /// The value as text when it is text.
    public var textValue: String? {
        if case .text(let s) = self { return s }
        return nil
    }

    /// The value as a boolean when it is a flag.
    public var flagValue: Bool? {
        if case .flag(let b) = self { return b }
        return nil
    }
}
