import CoInference
import Systems

extension CostTable: NamedValue {
    /// "cost table".
    public static var kindName: String { "cost table" }

    /// `pi-i7 on small: 146 ops × 2 sides, P 64, k 4, 10 repeats`.
    public var summary: String {
        "\(system.name) on \(spaceName): \(entries.count) ops × 2 sides, P \(points), k \(k), "
            + "\(conditions.repeats) repeats"
    }

    /// The conditions, then every entry (device and edge time, device energy).
    public var details: String {
        var lines = [
            "  system: \(system.name), device \(system.device.name) ×\(Value.format(system.device.factor)) "
                + "(\(conditions.deviceThreads) thread(s)), edge \(system.edge.name) ×\(Value.format(system.edge.factor)) "
                + "(\(conditions.edgeThreads) thread(s))",
            "  measured on: \(conditions.cpu); \(conditions.gemm)",
            "  \(conditions.warmup) warm-up + \(conditions.repeats) timed runs per op and side, outliers outside "
                + "1.5 IQR dropped, seed \(conditions.seed); times are emulated (dilated) seconds",
        ]
        let rows = entries.keys.sorted().map { key -> [String] in
            let entry = entries[key] ?? CostEntry(deviceSeconds: 0, edgeSeconds: 0, deviceJoules: 0)
            return [
                key.description, NumberFormat.fixed(entry.deviceSeconds * 1e3, 3) + " ms",
                NumberFormat.fixed(entry.edgeSeconds * 1e3, 3) + " ms",
                NumberFormat.fixed(entry.deviceJoules * 1e3, 3) + " mJ",
            ]
        }
        let table = Table(header: ["op", "device", "edge", "device energy"], rows: rows).text
        lines += table.split(separator: "\n").map { "  " + $0 }
        return lines.joined(separator: "\n")
    }
}
