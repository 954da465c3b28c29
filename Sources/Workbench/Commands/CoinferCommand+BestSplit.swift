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
        console.print(SummaryText.splitSearchHeading(search, model: model.name, options: options))
        console.print(
            Table(
                header: [
                    "split", "placement", "sent", "uplink", "latency", "p95", "device", "edge", "energy", "accuracy",
                ], rows: rows
            ).text)
        if let best = SummaryText.splitSearchBest(search, options: options) { console.print(best) }
    }
}
