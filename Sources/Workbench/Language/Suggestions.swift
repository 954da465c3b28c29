/// "Did you mean ...?" for misspelt verbs, keys and names.
public enum Suggestions {
    /// The candidates closest to `word` (edit distance at most a third of its length, at least 1, or a
    /// candidate that starts with it), closest first.
    public static func closest(to word: String, in candidates: [String]) -> [String] {
        let limit = max(1, word.count / 3)
        let scored = Set(candidates).compactMap { candidate -> (String, Int)? in
            let d = distance(word.lowercased(), candidate.lowercased())
            if d <= limit || (word.count >= 2 && candidate.hasPrefix(word)) { return (candidate, d) }
            return nil
        }
        return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
    }

    /// `; did you mean 'x'?` (or `'x' or 'y'`) when there are close candidates, else the empty string.
    public static func hint(for word: String, in candidates: [String]) -> String {
        let best = closest(to: word, in: candidates).prefix(3).map { "'\($0)'" }
        guard !best.isEmpty else { return "" }
        return "; did you mean \(best.joined(separator: " or "))?"
    }

    /// The Levenshtein distance between `a` and `b`.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
