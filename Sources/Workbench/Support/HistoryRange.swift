/// Parses the RANGE of `history` and `save`: `N`, `N-M` or `N-` (from N to the end), 1-based and inclusive.
public enum HistoryRange {
    /// The range `text` names, given `count` entries; `nil` when malformed.
    public static func parse(_ text: String, count: Int) -> ClosedRange<Int>? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 1:
            guard let n = Int(parts[0]), n >= 1 else { return nil }
            return n...n
        case 2:
            guard let low = Int(parts[0]), low >= 1 else { return nil }
            if parts[1].isEmpty { return low...max(low, count) }
            guard let high = Int(parts[1]), high >= low else { return nil }
            return low...high
        default:
            return nil
        }
    }
}
