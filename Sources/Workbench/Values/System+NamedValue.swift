import CoInference
import Systems

extension System: NamedValue {
    /// "system".
    public static var kindName: String { "system" }

    /// `pi-i7: device pi4 ×10, edge host ×1, 40 Mbit/s, 5 ms one way`.
    public var summary: String {
        "\(name): device \(device.name) ×\(Value.format(device.factor)), edge \(edge.name) ×\(Value.format(edge.factor)), "
            + "\(Value.format(link.megabitsPerSecond)) Mbit/s, \(SummaryText.duration(link.delay)) one way"
    }

    /// Every number with its unit.
    public var details: String {
        func processor(_ role: String, _ p: ProcessorProfile) -> [String] {
            [
                "  \(role): \(p.name), slowdown factor \(Value.format(p.factor)) × this host, "
                    + NumberFormat.count(p.threads, "thread"),
                "    power: active \(Value.format(p.power.active)) W, idle \(Value.format(p.power.idle)) W, "
                    + "send \(Value.format(p.power.send)) W, receive \(Value.format(p.power.receive)) W"
                    + (role == "edge" ? " (energy is counted on the device only, as in the paper)" : ""),
            ]
        }
        var lines = processor("device", device) + processor("edge", edge)
        lines.append(
            "  link: \(Value.format(link.megabitsPerSecond)) Mbit/s (10⁶ bit/s) each way, one-way delay "
                + SummaryText.duration(link.delay))
        for change in link.schedule {
            lines.append(
                "    from \(SummaryText.duration(change.time)): \(Value.format(change.megabitsPerSecond)) Mbit/s")
        }
        return lines.joined(separator: "\n")
    }
}
