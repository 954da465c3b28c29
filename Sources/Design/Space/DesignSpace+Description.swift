import GNN

extension DesignSpace: CustomStringConvertible {
    /// A multi-line summary for the `space` command: every field, one per line.
    public var description: String {
        let ops = OpType.allCases.filter { allowedOps.contains($0) }.map(\.description).joined(separator: ", ")
        let modeNames = Mode.allCases.filter { modes.contains($0) }.map(\.rawValue).joined(separator: ", ")
        let rows: [(String, String)] = [
            ("space", name),
            ("positions", "\(positions)"),
            ("ops", ops),
            ("combine widths", combineWidths.map(String.init).joined(separator: ", ")),
            ("messages", messages.map(\.description).joined(separator: ", ")),
            ("reducers", reducers.map(\.description).joined(separator: ", ")),
            ("pools", poolKinds.map(\.description).joined(separator: ", ")),
            ("modes", modeNames),
            ("k", "\(k)"),
            ("points per cloud", "\(pointsPerCloud)"),
            ("input width", "\(inputWidth)"),
            ("classes", "\(classes)"),
            ("head", (["C"] + headWidths.map(String.init) + ["\(classes)"]).joined(separator: "→")),
            ("max feature width", "\(maxFeatureWidth)"),
            ("link features", float16Link ? "float16" : "float32"),
        ]
        return rows.map { $0.0.padded(18) + $0.1 }.joined(separator: "\n")
    }
}
