/// "Did you mean ...?" for misspelt verbs, keys and names.
public enum Suggestions {
    /// The candidates close to `word`: those that start with it (at least two letters) first, then those
    /// within an edit distance of a third of its length (at least 1), closest first.
    public static func closest(to word: String, in candidates: [String]) -> [String] {
        let limit = max(1, word.count / 3)
        let scored = Set(candidates).compactMap { candidate -> (String, Int)? in
            if word.count >= 2 && candidate.hasPrefix(word) { return (candidate, -1) }
            let d = distance(word.lowercased(), candidate.lowercased())
            return d <= limit ? (candidate, d) : nil
        }
        return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
    }

    /// `; did you mean 'x'?` (or `'x' or 'y'`) when there are close candidates, else the empty string.
    public static func hint(for word: String, in candidates: [String]) -> String {
        let best = closest(to: word, in: candidates).prefix(3).map { "'\($0)'" }
        guard !best.isEmpty else { return "" }
        return "; did you mean \(best.joined(separator: " or "))?"
    }

    /// The edit distance between `a` and `b` counting insertions, deletions, substitutions and swaps of two
    /// neighbouring characters (optimal string alignment).
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
