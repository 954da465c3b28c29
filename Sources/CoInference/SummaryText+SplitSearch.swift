extension SummaryText {
    /// The lines of a best-split search: `splitSearchHeading`, one line per split point (what crosses,
    /// uplink, median and p95 latency, device and edge time, device energy, accuracy; medians), then
    /// `splitSearchBest`.
    public static func splitSearch(_ search: SplitSearch, model: String, options: DeviceOptions) -> [String] {
        var lines = [splitSearchHeading(search, model: model, options: options)]
        for row in search.rows {
            let s = row.summary
            lines.append(
                "split \(row.split) (\(search.placement(row.split))): sent \(bytes(row.medianBytesUp)), uplink "
                    + "\(duration(s.median(\.uplink))), latency \(duration(s.medianTotal)), p95 \(duration(s.p95Total)), "
                    + "device \(duration(s.median(\.device))), edge \(duration(s.median(\.edge))), energy "
                    + energy(s.medianEnergy) + (s.accuracy.map { ", accuracy " + percent($0) } ?? ""))
        }
        if let best = splitSearchBest(search, options: options) { lines.append(best) }
        return lines
    }

    /// `best split of MODEL on SYSTEM (device, bandwidth, delay), CLOCK clock, N requests per split; medians`.
    public static func splitSearchHeading(_ search: SplitSearch, model: String, options: DeviceOptions) -> String {
        let system = options.system
        return "best split of \(model) on \(system.name) (device \(system.device.name) ×"
            + "\(formatNumber(system.device.factor)), \(formatNumber(system.link.megabitsPerSecond)) Mbit/s, "
            + "\(duration(system.link.delay)) one way), \(options.clock.rawValue) clock, "
            + "\(search.rows.first?.summary.reports.count ?? 0) requests per split; medians"
    }

    /// `best: split N (placement), latency median …, device energy median … per request (CLOCK clock)`, or nil
    /// without rows.
    public static func splitSearchBest(_ search: SplitSearch, options: DeviceOptions) -> String? {
        search.best.map { best in
            "best: split \(best.split) (\(search.placement(best.split))), latency median "
                + "\(duration(best.summary.medianTotal)), device energy median "
                + "\(energy(best.summary.medianEnergy)) per request (\(options.clock.rawValue) clock)"
        }
    }
}
