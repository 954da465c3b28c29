import Systems

/// The result of a device run: every request's report and the figures over all of them.
public struct CoInferenceSummary: Sendable {
    /// The clock every figure used.
    public var clock: ClockMode
    /// Whether requests were pipelined.
    public var pipeline: Bool
    /// The plan run, e.g. "dgcnn split 3".
    public var plan: String
    /// One report per request, by id.
    public var reports: [RequestReport]
    /// Seconds from the first request's start to the last answer (wall clock in wait; the pipeline schedule
    /// in virtual).
    public var makespan: Double
    /// Virtual clock only: the makespan of the same accounted stages run one request at a time (so
    /// `sequentialMakespan / makespan` is the pipelining speed-up); nil on the wait clock.
    public var sequentialMakespan: Double?

    /// Requests per second.
    public var throughput: Double { makespan > 0 ? Double(reports.count) / makespan : 0 }
    /// Median end-to-end seconds.
    public var medianTotal: Double { quantile(reports.map(\.total), 0.5) }
    /// 95th-percentile end-to-end seconds.
    public var p95Total: Double { quantile(reports.map(\.total), 0.95) }
    /// Median device energy in joules.
    public var medianEnergy: Double { quantile(reports.map(\.energy.total), 0.5) }
    /// Requests answered by the device-only fallback.
    public var fallbacks: Int { reports.filter(\.fallback).count }
    /// Share of labelled requests whose prediction is right (nil without labels).
    public var accuracy: Double? {
        let labelled = reports.filter { $0.label != nil }
        guard !labelled.isEmpty else { return nil }
        return Double(labelled.filter { $0.label == $0.prediction }.count) / Double(labelled.count)
    }

    /// The median of a component chosen by `part`.
    public func median(_ part: (RequestReport) -> Double) -> Double { quantile(reports.map(part), 0.5) }
}

/// The `q`-quantile of `values` (nearest rank; 0 when empty).
public func quantile(_ values: [Double], _ q: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let rank = Int((q * Double(sorted.count)).rounded(.up)) - 1
    return sorted[min(sorted.count - 1, max(0, rank))]
}
