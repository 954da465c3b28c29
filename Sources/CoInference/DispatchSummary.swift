import Systems

/// One request of a dispatched run: its report, the member that ran and why, and what the device knew.
public struct DispatchedReport: Sendable {
    /// The request's report (its id is the sample index).
    public var request: RequestReport
    /// The index of the member that ran.
    public var member: Int
    /// Its name.
    public var name: String
    /// Why it was chosen.
    public var reason: Dispatcher.Reason
    /// Its predicted latency at the estimate (seconds).
    public var predicted: Double
    /// True when it differs from the previous request's member.
    public var switched: Bool
    /// The estimate the choice used (nil before the first transfer: the link's nominal bandwidth was used).
    public var estimate: LinkEstimator.Estimate?
    /// The true bandwidth in force when the request started (Mbit/s).
    public var bandwidth: Double
    /// When the request started, seconds after the run's start (virtual: the sum of earlier totals).
    public var start: Double
}

/// The result of a dispatched run.
public struct DispatchSummary: Sendable {
    /// The clock every figure used.
    public var clock: ClockMode
    /// The latency budget (seconds).
    public var budget: Double
    /// The member names, by index.
    public var names: [String]
    /// One report per request, in order.
    public var reports: [DispatchedReport]
    /// Requests whose member differs from their predecessor's.
    public var switches: Int

    /// Requests whose total exceeded the budget.
    public var misses: Int { reports.filter { $0.request.total > budget }.count }
    /// Requests answered by the device because the edge failed.
    public var fallbacks: Int { reports.filter(\.request.fallback).count }

    /// The ranges of requests that started at the same true bandwidth, in order (the schedule's phases).
    public var phases: [(megabitsPerSecond: Double, requests: Range<Int>)] {
        var result: [(Double, Range<Int>)] = []
        var begin = 0
        for index in reports.indices.dropFirst() where reports[index].bandwidth != reports[index - 1].bandwidth {
            result.append((reports[begin].bandwidth, begin..<index))
            begin = index
        }
        if !reports.isEmpty { result.append((reports[begin].bandwidth, begin..<reports.count)) }
        return result
    }

    /// The median total (seconds) over `requests`.
    public func medianTotal(_ requests: Range<Int>) -> Double {
        quantile(reports[requests].map(\.request.total), 0.5)
    }
}
