import HDF5

extension PointCloudSet: NamedValue {
    /// "point clouds".
    public static var kindName: String { "point clouds" }

    /// `N clouds × P points, C classes`.
    public var summary: String { "\(count) clouds × \(pointsPerCloud) points, \(classCount) classes" }

    /// The size, the classes with their counts, and the coordinate range.
    public var details: String {
        var lines = ["  clouds     \(count)", "  points     \(pointsPerCloud) per cloud", "  classes    \(classCount)"]
        var counts = [Int](repeating: 0, count: classCount)
        for label in labels where Int(label) < counts.count { counts[Int(label)] += 1 }
        let names = (0..<classCount).map { $0 < classNames.count ? classNames[$0] : "class \($0)" }
        lines.append("  per class  " + zip(names, counts).map { "\($0) \($1)" }.joined(separator: ", "))
        if let low = points.scalars.min(), let high = points.scalars.max() {
            lines.append(
                "  coords     " + NumberFormat.fixed(Double(low), 3) + " ... " + NumberFormat.fixed(Double(high), 3))
        }
        return lines.joined(separator: "\n")
    }
}
