import Design

extension DesignSpace: NamedValue {
    /// "design space".
    public static var kindName: String { "design space" }

    /// `small, 6 positions, k 4, 64 points, 10 classes`.
    public var summary: String {
        "\(name), " + NumberFormat.count(positions, "position") + ", k \(k), "
            + NumberFormat.count(pointsPerCloud, "point") + ", "
            + NumberFormat.count(classes, "class", plural: "classes")
    }

    /// Every field, one per line.
    public var details: String { description.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") }
}
