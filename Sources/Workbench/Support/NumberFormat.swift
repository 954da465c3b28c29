import Foundation

/// Number formatting for command output (locale-independent).
public enum NumberFormat {
    /// `x` with exactly `digits` decimals; `-0.000` is written `0.000`.
    public static func fixed(_ x: Double, _ digits: Int) -> String {
        let text = String(format: "%.\(digits)f", x)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }
}
