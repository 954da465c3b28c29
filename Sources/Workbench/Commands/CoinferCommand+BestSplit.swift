import CoInference
import Design

extension CoinferCommand {
    /// `coinfer … split=best`: runs `samples` at every split point, prints one row per split and the fastest.
    static func runBestSplit(
        _ model: DeployableModel, edge: Endpoint, options: DeviceOptions, samples: [DeviceRuntime.Sample],
        call: Invocation, shell: Shell
    ) throws {
        let search: SplitSearch
        do {
            search = try SplitSearch.run(model, edge: edge, options: options, samples: samples, log: { _ in })
        } catch {
            throw call.error("\(error)", at: "split")
        }
        let system = options.system
        let rows = search.rows.map { row -> [String] in
            let s = row.summary
            // What crosses and its link time first: their widths are the same on every machine.
            return [
                String(row.split), search.placement(row.split), SummaryText.bytes(row.medianBytesUp),
                SummaryText.duration(s.median(\.uplink)), SummaryText.duration(s.medianTotal),
                SummaryText.duration(s.p95Total), SummaryText.duration(s.median(\.device)),
                SummaryText.duration(s.median(\.edge)), SummaryText.energy(s.medianEnergy),
                s.accuracy.map { NumberFormat.fixed($0 * 100, 1) + " %" } ?? "-",
            ]
        }
        let console = shell.console
        console.print(
            "best split of \(model.name) on \(system.name) "
                + "(device \(system.device.name) ×\(SummaryText.formatNumber(system.device.factor)), "
                + "\(SummaryText.formatNumber(system.link.megabitsPerSecond)) Mbit/s, "
                + "\(SummaryText.duration(system.link.delay)) one way), \(options.clock.rawValue) clock, "
                + "\(samples.count) requests per split; medians")
        console.print(
            Table(
                header: [
                    "split", "placement", "sent", "uplink", "latency", "p95", "device", "edge", "energy", "accuracy",
                ], rows: rows
            ).text)
        if let best = search.best {
            console.print(
                "best: split \(best.split) (\(search.placement(best.split))), latency median "
                    + "\(SummaryText.duration(best.summary.medianTotal)), device energy median "
                    + "\(SummaryText.energy(best.summary.medianEnergy)) per request (\(options.clock.rawValue) clock)")
        }
    }
}
