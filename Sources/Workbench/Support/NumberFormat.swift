import Foundation

/// Number formatting for command output (locale-independent).
public enum NumberFormat {
    /// `n` and `word`, plural unless `n` is 1: `1 step`, `2 steps` (`plural` when not word + "s").
    public static func count(_ n: Int, _ word: String, plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? word : plural ?? word + "s")
    }

    /// `x` with exactly `digits` decimals; `-0.000` is written `0.000`.
    public static func fixed(_ x: Double, _ digits: Int) -> String {
        let text = String(format: "%.\(digits)f", x)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }
}
