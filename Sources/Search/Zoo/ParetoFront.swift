/// The Pareto front of points that trade accuracy (higher is better) against latency (lower is better).
///
/// A point is dominated when another has accuracy ≥ and latency ≤ with at least one strict. The front is
/// every point no other dominates: exact duplicates do not dominate each other, so all copies of a
/// non-dominated point stay; NaN coordinates never enter the front. Quadratic, for the few hundred designs
/// of a search.
public enum ParetoFront {
    /// The indices of the non-dominated points, ordered by latency ascending, then accuracy descending,
    /// then index.
    public static func indices(accuracy: [Double], latency: [Double]) -> [Int] {
        precondition(accuracy.count == latency.count, "one latency per accuracy")
        let candidates = accuracy.indices.filter { !accuracy[$0].isNaN && !latency[$0].isNaN }
        let front = candidates.filter { i in
            !candidates.contains { j in
                accuracy[j] >= accuracy[i] && latency[j] <= latency[i]
                    && (accuracy[j] > accuracy[i] || latency[j] < latency[i])
            }
        }
        return front.sorted { a, b in
            if latency[a] != latency[b] { return latency[a] < latency[b] }
            if accuracy[a] != accuracy[b] { return accuracy[a] > accuracy[b] }
            return a < b
        }
    }
}
