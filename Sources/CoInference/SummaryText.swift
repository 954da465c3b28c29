import Systems

/// Text for people: one line per request and a summary, every figure with its unit and the clock it used.
public enum SummaryText {
    /// `12.3 ms` (or `1.23 s` from one second up).
    public static func duration(_ seconds: Double) -> String {
        seconds >= 1 ? String(format1: seconds, digits: 2) + " s" : String(format1: seconds * 1000, digits: 1) + " ms"
    }

    /// `0.512 J`.
    public static func energy(_ joules: Double) -> String { String(format1: joules, digits: 3) + " J" }

    /// `83.3 %` for 0.833.
    public static func percent(_ fraction: Double) -> String { String(format1: fraction * 100, digits: 1) + " %" }

    /// `1.2 kB` / `345 B`.
    public static func bytes(_ n: Int) -> String {
        n >= 1_000_000
            ? String(format1: Double(n) / 1e6, digits: 2) + " MB"
            : n >= 1000 ? String(format1: Double(n) / 1e3, digits: 1) + " kB" : "\(n) B"
    }

    /// One request.
    public static func line(_ r: RequestReport) -> String {
        var text = "#\(r.id) total \(duration(r.total)): device \(duration(r.device)), uplink \(duration(r.uplink))"
        text += ", edge \(duration(r.edge)), downlink \(duration(r.downlink)); energy \(energy(r.energy.total))"
        text += "; \(bytes(r.bytesUp)) up, \(bytes(r.bytesDown)) down; class \(r.prediction)"
        if let label = r.label { text += " (label \(label))" }
        if r.fallback { text += " [device-only fallback]" }
        return text
    }

    /// The summary lines of a run.
    public static func summary(_ s: CoInferenceSummary, system: System) -> [String] {
        var lines = [
            "\(s.plan) on \(system.name) (device \(system.device.name) ×\(formatNumber(system.device.factor)), "
                + "\(formatNumber(system.link.megabitsPerSecond)) Mbit/s, \(duration(system.link.delay)) one way), "
                + "\(s.clock.rawValue) clock, pipeline \(s.pipeline ? "on" : "off"): \(s.reports.count) requests",
            "latency median \(duration(s.medianTotal)), p95 \(duration(s.p95Total)); medians: device "
                + "\(duration(s.median(\.device))), uplink \(duration(s.median(\.uplink))), edge "
                + "\(duration(s.median(\.edge))), downlink \(duration(s.median(\.downlink)))",
            "device energy median \(energy(s.medianEnergy)) per request; throughput "
                + "\(String(format1: s.throughput, digits: 2)) requests/s over \(duration(s.makespan))"
                + (s.pipeline
                    ? s.sequentialMakespan.map {
                        " (\(String(format1: $0 / max(s.makespan, 1e-12), digits: 2))× sequential)"
                    } ?? "" : ""),
        ]
        var last = "fallbacks \(s.fallbacks)"
        if let accuracy = s.accuracy { last = "accuracy \(String(format1: accuracy * 100, digits: 1)) %; " + last }
        lines.append(last)
        return lines
    }

    /// A number without a trailing `.0`.
    public static func formatNumber(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(format1: x, digits: 3)
    }
}

extension String {
    /// `value` with `digits` decimals (no Foundation formatting).
    init(format1 value: Double, digits: Int) { self = fixedDecimals(value, digits) }
}

/// `value` with `digits` decimals, rounded half away from zero.
func fixedDecimals(_ value: Double, _ digits: Int) -> String {
    guard value.isFinite else { return "\(value)" }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    let whole = Int(scaled / scale)
    let fraction = Int(scaled - Double(whole) * scale)
    var text = String(whole)
    if digits > 0 {
        let f = String(fraction)
        text += "." + String(repeating: "0", count: max(0, digits - f.count)) + f
    }
    return (value < 0 && scaled > 0 ? "-" : "") + text
}
