import CoInference
import Systems

extension EngineMeasurement: NamedValue {
    /// "measurement".
    public static var kindName: String { "measurement" }

    /// `12 architectures × 3 bandwidths on pi-i7 (virtual clock), noise floor 0.8 % latency`.
    public var summary: String {
        let bandwidths = self.bandwidths.map { Value.format($0) }.joined(separator: "/")
        return "\(architectureCount) architectures × \(bandwidths) Mbit/s on \(system.name) (\(clock.rawValue) clock), "
            + "noise floor " + NumberFormat.fixed(noiseFloor.latency * 100, 2) + " % latency, "
            + NumberFormat.fixed(noiseFloor.energy * 100, 2) + " % energy"
    }

    /// Settings, wall time, noise floor and the median figures per bandwidth.
    public var details: String {
        var lines = [
            "  space \(space.name), system \(system.name) (device ×\(Value.format(system.device.factor)), "
                + SummaryText.duration(system.link.delay) + " one way), \(clock.rawValue) clock, "
                + "\(repeats) timed requests after one warm-up, seed \(seed)",
            "  measured on: \(cpu); wall time " + SummaryText.duration(wallSeconds),
            "  noise floor (mean |repeat − median| / median): latency "
                + NumberFormat.fixed(noiseFloor.latency * 100, 2) + " %, energy "
                + NumberFormat.fixed(noiseFloor.energy * 100, 2) + " %",
        ]
        for bandwidth in bandwidths {
            let chosen = records.filter { $0.megabitsPerSecond == bandwidth }
            let latency = chosen.map(\.latency)
            let energy = chosen.map(\.energy)
            lines.append(
                "  \(Value.format(bandwidth)) Mbit/s: \(chosen.count) architectures, latency median "
                    + SummaryText.duration(quantile(latency, 0.5)) + " (" + SummaryText.duration(latency.min() ?? 0)
                    + " to " + SummaryText.duration(latency.max() ?? 0) + "), energy median "
                    + SummaryText.energy(quantile(energy, 0.5)))
        }
        return lines.joined(separator: "\n")
    }
}
