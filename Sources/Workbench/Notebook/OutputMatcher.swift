import Foundation

/// Compares expected notebook output with actual output. An expected line ending in ` (re)` is a regular
/// expression that must match the whole actual line (as in cram); every other line must be equal.
public enum OutputMatcher {
    /// The marker that makes an expected line a regular expression.
    public static let marker = " (re)"

    /// Whether `expected` line matches `actual` line.
    public static func matches(_ expected: String, _ actual: String) -> Bool {
        guard expected.hasSuffix(marker) else { return expected == actual }
        let pattern = "^(?:" + expected.dropLast(marker.count) + ")$"
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return false }
        return regex.firstMatch(in: actual, range: NSRange(actual.startIndex..., in: actual)) != nil
    }

    /// Whether every line matches, and the counts agree.
    public static func matches(expected: [String], actual: [String]) -> Bool {
        expected.count == actual.count && zip(expected, actual).allSatisfy { matches($0, $1) }
    }

    /// `actual`, keeping each expected regex line that still matches the actual line at the same place, so
    /// that `notebook run` does not erase the markers.
    public static func merge(expected: [String]?, actual: [String]) -> [String] {
        guard let expected else { return actual }
        return actual.enumerated().map { index, line in
            if index < expected.count, expected[index].hasSuffix(marker), matches(expected[index], line) {
                return expected[index]
            }
            return line
        }
    }

    /// A line diff: `  ` same, `- ` only expected, `+ ` only actual (longest common subsequence, with regex
    /// lines matching).
    public static func diff(expected: [String], actual: [String]) -> [String] {
        let n = expected.count
        let m = actual.count
        var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] =
                    matches(expected[i], actual[j]) ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var lines: [String] = []
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n, j < m, matches(expected[i], actual[j]) {
                lines.append("  " + actual[j])
                i += 1
                j += 1
            } else if j < m, i == n || table[i][j + 1] >= table[i + 1][j] {
                lines.append("+ " + actual[j])
                j += 1
            } else {
                lines.append("- " + expected[i])
                i += 1
            }
        }
        return lines
    }
}
