import CoInference
import Foundation

extension PaperTable {
    /// The table as Markdown: the settings, one table with every row (accuracy mean ± std, median latency and
    /// its stages, device energy, speed-up and energy reduction against DGCNN device-only), the search per
    /// system, and the goal check on each system's best Tandem row.
    public var markdown: String {
        var lines: [String] = []
        let s = settings
        lines.append(
            "data: \(data.train) training + \(data.test) test clouds × \(data.points) points, \(data.classes) classes; "
                + "space \(s.space.name) (k \(s.space.k), P \(s.space.pointsPerCloud))")
        lines.append(
            "training: DGCNN, PointNet and each Tandem design from scratch, \(s.epochs) epochs, batch \(s.batch), "
                + "Adam lr \(Value.format(s.learningRate)) (cosine), seeds "
                + s.trainingSeeds.map(String.init).joined(separator: ",") + "; supernet \(s.supernetEpochs) epochs")
        lines.append(
            "search: seed \(s.seed), \(s.samples) samples + \(s.generations) generations × \(s.children) children, "
                + "LUT cost, budgets " + s.budgets.map(\.description).joined(separator: "; ")
                + "; candidates scored on \(NumberFormat.fixed(s.validationFraction * 100, 0)) % of each class's "
                + "training clouds held out from the supernet")
        lines.append(
            "measured: engine, virtual clock, medians of \(s.requests) requests after one warm-up, batch 1; "
                + "speed-up and energy reduction against DGCNN device-only on the same system and bandwidth")
        lines.append("")
        lines.append(
            "| system | Mbit/s | model | placement | accuracy % | latency | device | uplink | edge | downlink "
                + "| energy | speed-up | energy red. |")
        lines.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
        for row in rows {
            var accuracy = row.accuracy.text
            if let inherited = row.inheritedAccuracy {
                accuracy += " (inh. " + NumberFormat.fixed(inherited * 100, 1) + ")"
            }
            // A `|` inside a cell (an architecture's text) must be escaped, even inside a code span.
            var placement = row.placement.replacingOccurrences(of: "|", with: "\\|")
            if let budget = row.budget {
                placement +=
                    " (budget " + SummaryText.duration(budget) + ", pred. "
                    + SummaryText.duration(row.predictedLatency ?? 0) + ", "
                    + ((row.holdsBudget ?? false) ? "holds" : "missed") + ")"
            }
            let m = row.measured
            lines.append(
                "| \(row.system) | \(Value.format(row.bandwidth)) | \(row.kind.rawValue) | `\(placement)` | "
                    + "\(accuracy) | \(SummaryText.duration(m.latency)) | \(SummaryText.duration(m.device)) | "
                    + "\(SummaryText.duration(m.uplink)) | \(SummaryText.duration(m.edge)) | "
                    + "\(SummaryText.duration(m.downlink)) | \(SummaryText.energy(m.energy)) | "
                    + NumberFormat.fixed(row.speedup, 1) + "× | " + NumberFormat.fixed(row.energyReduction * 100, 1)
                    + " % |")
        }
        lines.append("")
        for search in searches {
            var line =
                "search on \(search.system): budgets "
                + search.budgets.map { SummaryText.duration($0) }.joined(separator: ", ")
                + ", \(search.candidates) "
                + "candidates (within budget per target: " + search.survivors.map(String.init).joined(separator: "/")
                + ") in "
                + "\(SummaryText.duration(search.wallSeconds)), best designs found by "
                + "\(SummaryText.duration(search.secondsToBest)); cost table \(search.costTable)"
            if !search.unmet.isEmpty {
                line += "; no design within budget for " + search.unmet.joined(separator: ", ")
            }
            lines.append(line)
        }
        lines.append(contentsOf: goalLines)
        lines.append("run wall time \(SummaryText.duration(wallSeconds))")
        return lines.joined(separator: "\n")
    }

    /// Per system: the fastest Tandem row and its accuracy change against DGCNN (the goal: ≥ 45×, ≥ 98.5 %,
    /// ≤ 1 point lost on the Pi-class preset).
    var goalLines: [String] {
        settings.systems.compactMap { system -> String? in
            let tandems = rows.filter { $0.system == system.name && $0.kind == .tandem }
            guard let best = tandems.max(by: { $0.speedup < $1.speedup }) else {
                return "goal on \(system.name): no Tandem design within budget"
            }
            let dgcnn = rows.first { $0.system == system.name && $0.kind == .dgcnnDeviceOnly }
            let loss = (dgcnn?.accuracy.mean ?? 0) - best.accuracy.mean
            let met = best.speedup >= 45 && best.energyReduction >= 0.985 && loss <= 0.01
            return "goal on \(system.name): best Tandem \(NumberFormat.fixed(best.speedup, 1))× and "
                + NumberFormat.fixed(best.energyReduction * 100, 1) + " % energy reduction at "
                + "\(Value.format(best.bandwidth)) Mbit/s, accuracy " + NumberFormat.fixed(-loss * 100, 1)
                + " points against DGCNN (goal ≥ 45×, ≥ 98.5 %, ≥ −1 point): " + (met ? "met" : "not met")
        }
    }
}
