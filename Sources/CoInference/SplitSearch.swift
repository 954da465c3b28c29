import Design
import GNN

/// The Neurosurgeon-style best single split of a baseline (SPEC.md §7): every layer boundary is run on the
/// same emulated system with the same requests, and the fastest (lowest median latency) is kept.
public struct SplitSearch: Sendable {
    /// One split point's run.
    public struct Row: Sendable {
        /// The split point (layers on the device: 0 edge-only, `layers` device-only).
        public var split: Int
        /// The run's summary (its `plan` names the split).
        public var summary: CoInferenceSummary

        /// Median bytes sent per request (frames, headers included).
        public var medianBytesUp: Int { Int(quantile(summary.reports.map { Double($0.bytesUp) }, 0.5)) }
    }

    /// Every split point tried, in order.
    public var rows: [Row]
    /// The layers of the model (the device-only split point).
    public var layers: Int

    /// The fastest split: the lowest median latency, the lower split point on a tie.
    public var best: Row? {
        rows.min { a, b in
            a.summary.medianTotal != b.summary.medianTotal
                ? a.summary.medianTotal < b.summary.medianTotal : a.split < b.split
        }
    }

    /// Runs `samples` at every split point of `model` (a DGCNN or PointNet) against `edge`, each split a fresh
    /// `DeviceRuntime` with `options`; throws a `CoInferenceError` for a model without split points (an
    /// architecture model runs its own mapping) or the first failed run.
    public static func run(
        _ model: DeployableModel, edge: Endpoint, options: DeviceOptions, samples: [DeviceRuntime.Sample],
        log: @escaping @Sendable (String) -> Void
    ) throws -> SplitSearch {
        let splits = model.splitPoints
        guard splits.count > 1, let layers = splits.max() else {
            throw CoInferenceError(
                origin: model.name,
                message:
                    "only a DGCNN or PointNet has split points to search (an architecture model runs its own mapping)")
        }
        var rows: [Row] = []
        for split in splits {
            let runtime = DeviceRuntime(
                plan: try model.plan(split: split), split: split, edge: edge, options: options, log: log)
            rows.append(Row(split: split, summary: try runtime.run(samples)))
        }
        return SplitSearch(rows: rows, layers: layers)
    }

    /// "edge-only", "device-only" or "N layer(s) on the device".
    public func placement(_ split: Int) -> String {
        split == 0
            ? "edge-only" : split == layers ? "device-only" : "\(split) layer\(split == 1 ? "" : "s") on the device"
    }
}
