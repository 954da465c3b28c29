import Design

extension Profiler {
    /// Every key a valid architecture of `space` can need: the widths reachable from the input width in at
    /// most `space.positions` ops (none above `space.maxFeatureWidth`), before the pool (knn, aggregate,
    /// combine, pool) and after it (combine), plus every head layer at every width the pool can produce.
    /// Sorted. Identity and communicate make no plan step and need no entry.
    public static func keys(for space: DesignSpace) -> [CostKey] {
        var keys: Set<CostKey> = []
        var before: Set<Int> = [space.inputWidth]
        var after: Set<Int> = []
        var frontierBefore = before
        var frontierAfter: Set<Int> = []
        let operations = space.allowedOperations
        for _ in 0..<space.positions {
            var nextBefore: Set<Int> = []
            var nextAfter: Set<Int> = []
            for width in frontierBefore {
                for op in operations {
                    let out = op.outputWidth(for: width)
                    guard out <= space.maxFeatureWidth else { continue }
                    if let key = CostKey(op, inputWidth: width, pooled: false) { keys.insert(key) }
                    if case .pool = op {
                        if !after.contains(out) { nextAfter.insert(out) }
                    } else if !before.contains(out) {
                        nextBefore.insert(out)
                    }
                }
            }
            for width in frontierAfter {
                for op in operations {
                    guard case .combine(let out) = op, out <= space.maxFeatureWidth else { continue }
                    if let key = CostKey(op, inputWidth: width, pooled: true) { keys.insert(key) }
                    if !after.contains(out) { nextAfter.insert(out) }
                }
            }
            before.formUnion(nextBefore)
            after.formUnion(nextAfter)
            frontierBefore = nextBefore
            frontierAfter = nextAfter
        }
        for width in after {
            let widths = CostModel.headWidths(input: width, space: space)
            for layer in 0..<(widths.count - 1) { keys.insert(CostKey.head(widths: widths, layer: layer)) }
        }
        return keys.sorted()
    }
}
