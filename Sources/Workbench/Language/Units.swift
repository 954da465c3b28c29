import Foundation

/// Unit tables and parsing for durations (`5ms`) and bit rates (`40mbit`).
public enum Units {
    /// Duration units and their size in seconds, largest first.
    public static let durations: [(String, Double)] = [
        ("h", 3600), ("min", 60), ("s", 1), ("ms", 1e-3), ("us", 1e-6), ("ns", 1e-9),
    ]
    /// Bit-rate units and their size in bits per second, largest first.
    public static let bitrates: [(String, Double)] = [("gbit", 1e9), ("mbit", 1e6), ("kbit", 1e3), ("bit", 1)]

    /// Parses `text` as a number followed by one of `units`; the error names the expected units.
    /// Returns `nil` for a missing or unknown unit or a bad number.
    public static func parse(_ text: String, units: [(String, Double)]) -> Double? {
        let lower = text.lowercased()
        for (unit, scale) in units.sorted(by: { $0.0.count > $1.0.count }) where lower.hasSuffix(unit) {
            let number = lower.dropLast(unit.count)
            guard !number.isEmpty, let x = Double(number), x.isFinite, x >= 0 else { return nil }
            return x * scale
        }
        return nil
    }

    /// `value` in the largest unit that keeps the number whole (or the smallest unit otherwise).
    public static func format(_ value: Double, units: [(String, Double)]) -> String {
        if value == 0, let last = units.last { return "0\(last.0)" }
        for (unit, scale) in units {
            let x = value / scale
            let rounded = x.rounded()
            if x >= 1, abs(x - rounded) < 1e-9 * max(1, abs(x)) { return "\(Value.format(rounded))\(unit)" }
        }
        let (unit, scale) = units[units.count - 1]
        return "\(Value.format(value / scale))\(unit)"
    }
}
