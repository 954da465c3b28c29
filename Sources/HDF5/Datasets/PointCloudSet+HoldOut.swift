import Tensor

extension PointCloudSet {
    /// The clouds at `indices`, in that order (labels and class names carried along).
    public func selecting(_ indices: [Int]) -> PointCloudSet {
        let stride = pointsPerCloud * 3
        var selected = Tensor.zeros([indices.count, pointsPerCloud, 3])
        selected.withUnsafeMutableBufferPointer { out in
            points.withUnsafeBufferPointer { source in
                for (row, index) in indices.enumerated() {
                    for e in 0..<stride { out[row * stride + e] = source[index * stride + e] }
                }
            }
        }
        return PointCloudSet(points: selected, labels: indices.map { labels[$0] }, classNames: classNames)
    }

    /// A stratified hold-out: of every class with at least two clouds, round(`fraction` × its count) clouds (at
    /// least one, never all) drawn with `seed` go to `heldOut`, the rest stay in `kept`; both keep the set's
    /// order. Used to score a search on clouds neither the supernet nor the test report has seen.
    public func holdingOut(fraction: Double, seed: UInt64) -> (kept: PointCloudSet, heldOut: PointCloudSet) {
        var generator = SeededGenerator(seed: seed)
        var byClass: [Int32: [Int]] = [:]
        for (index, label) in labels.enumerated() { byClass[label, default: []].append(index) }
        var held = Set<Int>()
        for label in byClass.keys.sorted() {
            let members = byClass[label] ?? []
            guard members.count >= 2 else { continue }
            let count = min(members.count - 1, max(1, Int((Double(members.count) * fraction).rounded())))
            held.formUnion(members.shuffled(using: &generator).prefix(count))
        }
        let all = Array(0..<count)
        return (selecting(all.filter { !held.contains($0) }), selecting(all.filter { held.contains($0) }))
    }
}
