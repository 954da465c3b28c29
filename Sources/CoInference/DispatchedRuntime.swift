import Foundation
import Systems

/// Co-inference with a runtime dispatcher: before each request a `Dispatcher` picks the member of a
/// `MemberTable` from a `LinkEstimator` fed by the previous requests' transfers, and the request runs that
/// member's plan against an edge that holds every member.
///
/// Requests run one at a time. The wire protocol binds one model per connection (the hello), so the device
/// keeps one connection per member it has used, opened (hello, welcome) the first time that member is chosen
/// and reused whenever it is chosen again; all are closed at the end of the run. The hello exchange is not
/// shaped: a first switch to a member costs its connection set-up outside the emulated link. The link schedule (`LinkProfile.schedule`) is applied in the clock's time: on
/// the wait clock the shapers follow it in wall time from the run's start (one origin over all requests); on
/// the virtual clock request i runs at the bandwidth in force at the virtual time its predecessors took
/// (the sum of their totals), so the phases are measured in accounted seconds and cost no waiting.
public final class DispatchedRuntime: Sendable {
    /// The members.
    public let table: MemberTable
    /// The edge's address (it serves every member).
    public let edge: Endpoint
    /// How to run (the system's link gives the schedule, the one-way delay and the first guess).
    public let options: DeviceOptions
    /// The latency budget in seconds.
    public let budget: Double
    /// The dispatcher's hysteresis margin (see `Dispatcher`).
    public let margin: Double
    /// The estimator's window (see `LinkEstimator`).
    public let window: Int
    /// Requests on device-only without a fresh sample before a probe runs an edge member. A probe that
    /// measures more than the estimate (by the margin) is confirmed by a second probe at once, so that the
    /// median of 3 moves: the dispatcher leaves device-only at most `probeInterval` + 3 requests after the
    /// link has recovered.
    public let probeInterval: Int
    private let log: @Sendable (String) -> Void

    /// A runtime over `table` against `edge` for `budget` seconds.
    public init(
        table: MemberTable, edge: Endpoint, options: DeviceOptions, budget: Double, margin: Double = 0.15,
        window: Int = 3, probeInterval: Int = 4, log: @escaping @Sendable (String) -> Void
    ) {
        self.table = table
        self.edge = edge
        self.options = options
        self.budget = budget
        self.margin = margin
        self.window = window
        self.probeInterval = max(1, probeInterval)
        self.log = log
    }

    /// Runs `samples`, choosing per request; with `pinned`, every request runs that member (a static choice
    /// under the same schedule, for comparison). Throws when the edge refuses a member's model or a request
    /// fails; an unreachable edge is answered on the device.
    public func run(_ samples: [DeviceRuntime.Sample], pinned: Int? = nil) throws -> DispatchSummary {
        let link = options.system.link
        var dispatcher = Dispatcher(table: table, budget: budget, delay: link.delay, margin: margin)
        var estimator = LinkEstimator(window: window, delay: link.delay)
        let origin = MonotonicClock.now()
        var virtualTime = 0.0
        var unreachableUntil = 0
        var backoff = 1
        var confirm = false
        var reports: [DispatchedReport] = []
        var runs: [Int: DeviceRun] = [:]
        defer { for run in runs.values { run.close() } }
        for index in samples.indices {
            let elapsed = options.clock == .virtual ? virtualTime : MonotonicClock.now() - origin
            let estimate = estimator.estimate
            let guess = estimate?.megabitsPerSecond ?? link.megabitsPerSecond(at: 0)
            let decision: Dispatcher.Decision
            if let pinned {
                decision = Dispatcher.Decision(
                    member: pinned, reason: .kept, predicted: dispatcher.latency(pinned, megabitsPerSecond: guess),
                    switched: false)
            } else if index >= unreachableUntil,
                confirm || (dispatcher.current == table.deviceOnly && estimator.age >= probeInterval)
            {
                decision = dispatcher.probe(megabitsPerSecond: guess)
            } else {
                decision = dispatcher.choose(megabitsPerSecond: guess, edgeReachable: index >= unreachableUntil)
            }
            let member = table.members[decision.member]
            let bandwidth = link.megabitsPerSecond(at: elapsed)
            let run: DeviceRun
            if let known = runs[decision.member] {
                run = known
            } else {
                let runtime = DeviceRuntime(
                    plan: member.plan, split: member.split, edge: edge, options: options, log: log)
                run = DeviceRun(runtime: runtime, samples: samples, origin: origin)
                runs[decision.member] = run
                try run.open()
            }
            let constant = LinkProfile(megabitsPerSecond: bandwidth, delay: link.delay)
            let report = try run.runAlone(index, link: options.clock == .virtual ? constant : nil)
            virtualTime += report.total
            let sample = estimator.observe(
                bytes: report.bytesUp + report.bytesDown, seconds: report.uplink + report.downlink,
                crossings: report.crossings)
            confirm = !confirm && decision.reason == .probe && (sample ?? 0) > guess * (1 + margin)
            if report.fallback && !member.isDeviceOnly {
                unreachableUntil = index + 1 + backoff
                backoff = min(16, backoff * 2)
            } else if !member.isDeviceOnly {
                backoff = 1
            }
            reports.append(
                DispatchedReport(
                    request: report, member: decision.member, name: member.name, reason: decision.reason,
                    predicted: decision.predicted, switched: decision.switched, estimate: estimate,
                    bandwidth: bandwidth, start: elapsed))
        }
        return DispatchSummary(
            clock: options.clock, budget: budget, names: table.members.map(\.name), reports: reports,
            switches: reports.filter(\.switched).count)
    }
}
