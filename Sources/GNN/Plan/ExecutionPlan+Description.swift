extension ExecutionPlan: CustomStringConvertible {
    /// The plan for people: its name and identity, then each segment's side and steps, and what crosses
    /// after it.
    ///
    ///     dgcnn split 2 (dgcnn@1a2b3c4d, 4 classes, 1024 points)
    ///     device: edge1 knn(k=20) + edgeconv 3→64; edge2 …
    ///       → edge: edge1, edge2
    public var description: String {
        var lines = ["\(name) (\(identity), \(classes) classes, \(points) points)"]
        for (index, segment) in segments.enumerated() {
            let stepText = steps[segment.steps].map(\.description).joined(separator: "; ")
            lines.append("\(segment.side): " + (stepText.isEmpty ? "(nothing)" : stepText))
            let receiver = index + 1 < segments.count ? segments[index + 1].side : .device
            if receiver != segment.side {
                lines.append("  → \(receiver): " + crossingNames[index].joined(separator: ", "))
            }
        }
        return lines.joined(separator: "\n")
    }
}
