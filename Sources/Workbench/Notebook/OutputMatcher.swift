import Foundation

/// Compares expected notebook output with actual output, line by line.
///
/// An expected line ending in ` (re)` is a regular expression that must match the whole actual line (as in
/// cram). Every other line is a `LineTemplate`: text equal, numbers within their written precision (and the
/// line's ` (~R%)` / ` (~±A)` tolerance), `{time}`, `{rate}`, `{num}` and `{*}` placeholders.
public enum OutputMatcher {
    /// The marker that makes an expected line a regular expression.
    public static let marker = " (re)"

    /// Whether `expected` line matches `actual` line.
    public static func matches(_ expected: String, _ actual: String) -> Bool {
        guard expected.hasSuffix(marker) else { return LineTemplate(expected).matches(actual) }
        let pattern = "^(?:" + expected.dropLast(marker.count) + ")$"
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return false }
        return regex.firstMatch(in: actual, range: NSRange(actual.startIndex..., in: actual)) != nil
    }

    /// Whether every line matches, and the counts agree.
    public static func matches(expected: [String], actual: [String]) -> Bool {
        expected.count == actual.count && zip(expected, actual).allSatisfy { matches($0, $1) }
    }

    /// What `notebook run` writes: each expected line that still matches the actual line at the same place is
    /// kept as written (regex, template or tolerance); any other line is the actual line with its durations and
    /// rates masked (`{time}`, `{rate}`), keeping the tolerance marker of the expected line it replaces. So `run`
    /// then `check` always passes, and a re-run with unchanged results leaves the notebook unchanged.
    public static func merge(expected: [String]?, actual: [String]) -> [String] {
        actual.enumerated().map { index, line in
            guard let expected, index < expected.count else { return LineTemplate.masked(line) }
            if matches(expected[index], line) { return expected[index] }
            let marker = expected[index].hasSuffix(marker) ? "" : LineTemplate(expected[index]).marker
            return LineTemplate.masked(line) + marker
        }
    }

    /// A line diff: `  ` same, `- ` expected only, `+ ` actual only (longest common subsequence, with lines
    /// matching as `matches` says). Within a changed run the expected lines come first, then the actual ones.
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
        var removed: [String] = []
        var added: [String] = []
        func flush() {
            lines += removed + added
            removed = []
            added = []
        }
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n, j < m, matches(expected[i], actual[j]) {
                flush()
                lines.append("  " + actual[j])
                i += 1
                j += 1
            } else if i < n, j == m || table[i + 1][j] >= table[i][j + 1] {
                removed.append("- " + expected[i])
                i += 1
            } else {
                added.append("+ " + actual[j])
                j += 1
            }
        }
        flush()
        return lines
    }
}
