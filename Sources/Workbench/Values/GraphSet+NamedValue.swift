import HDF5

extension GraphSet: NamedValue {
    /// "graphs".
    public static var kindName: String { "graphs" }

    /// `N graphs, V nodes, E edges, F features`.
    public var summary: String {
        "\(count) graphs, \(features.shape.first ?? 0) nodes, \(sources.count) edges, \(featureWidth) features"
    }

    /// The sizes and the label counts.
    public var details: String {
        let classes = Int((labels.max() ?? -1) + 1)
        var counts = [Int](repeating: 0, count: max(0, classes))
        for label in labels where label >= 0 { counts[Int(label)] += 1 }
        return [
            "  graphs     \(count)",
            "  nodes      \(features.shape.first ?? 0)",
            "  edges      \(sources.count)",
            "  features   \(featureWidth) per node",
            "  per class  " + counts.enumerated().map { "class \($0) \($1)" }.joined(separator: ", "),
        ].joined(separator: "\n")
    }
}
