import Design

extension ArchitectureList: NamedValue {
    /// "architectures".
    public static var kindName: String { "architectures" }

    /// `3 architectures in space small`.
    public var summary: String {
        "\(architectures.count) architecture\(architectures.count == 1 ? "" : "s") in space \(space.name)"
    }

    /// One numbered line per architecture: mode, FLOPs per side, link bytes, readable form.
    public var details: String {
        let width = String(architectures.count).count
        return architectures.indices.map { index in
            let number = String(index + 1)
            let label = String(repeating: " ", count: width - number.count) + number
            let line = ArchitectureValue(architectures[index], in: space).summary
            return "  \(label)  \(line)"
        }.joined(separator: "\n")
    }
}
