/// Chooses per request the member of a `MemberTable` to run: the best accuracy among the members that meet
/// the latency budget at the estimated bandwidth (ties: the lower latency), with hysteresis, and the
/// device-only member when none meets it or the edge is unreachable.
///
/// Hysteresis: the member running is kept while it still meets the budget at the estimate and no member
/// with a strictly better accuracy meets it at `(1 − margin) ×` the estimate. So a move down happens as soon
/// as the current member misses (the budget comes first), a move up only when the better member has room to
/// spare: an estimate jittering around one member's threshold does not make it flap.
public struct Dispatcher: Sendable {
    /// Why a member was chosen.
    public enum Reason: String, Sendable, Equatable {
        /// The best member meeting the budget at the estimate.
        case best
        /// The member running still meets the budget and nothing better has room to spare.
        case kept
        /// No member with the edge meets the budget: device-only.
        case noneMeetsBudget = "none meets the budget"
        /// The edge is unreachable: device-only.
        case edgeUnreachable = "edge unreachable"
        /// Device-only has left the estimate without fresh samples: one request runs the fastest edge member
        /// to measure the link again.
        case probe
    }

    /// One decision.
    public struct Decision: Sendable, Equatable {
        /// The index of the member chosen.
        public var member: Int
        /// Why.
        public var reason: Reason
        /// The member's predicted latency at the bandwidth decided on (seconds).
        public var predicted: Double
        /// True when it differs from the previous decision's member.
        public var switched: Bool
    }

    /// The members.
    public let table: MemberTable
    /// The latency budget in seconds.
    public let budget: Double
    /// The one-way delay of the link (seconds), for the latency models.
    public let delay: Double
    /// Relative bandwidth headroom a better member needs before moving up (0.15: it must meet the budget
    /// at 85 % of the estimate).
    public let margin: Double
    /// The member chosen last, nil before the first decision.
    public private(set) var current: Int?
    /// Decisions that changed the member.
    public private(set) var switches = 0

    /// A dispatcher over `table` for a `budget` in seconds on a link with one-way `delay`.
    public init(table: MemberTable, budget: Double, delay: Double, margin: Double = 0.15) {
        self.table = table
        self.budget = budget
        self.delay = delay
        self.margin = min(max(0, margin), 0.9)
    }

    /// The predicted latency of member `index` at `megabitsPerSecond`.
    public func latency(_ index: Int, megabitsPerSecond: Double) -> Double {
        table.members[index].latency.seconds(megabitsPerSecond: megabitsPerSecond, delay: delay)
    }

    /// The best member meeting the budget at `megabitsPerSecond` (accuracy, then lower latency, then order).
    public func best(megabitsPerSecond: Double) -> Int? {
        let feasible = table.members.indices.filter { latency($0, megabitsPerSecond: megabitsPerSecond) <= budget }
        return feasible.min { a, b in
            let (x, y) = (table.members[a], table.members[b])
            if x.accuracy != y.accuracy { return x.accuracy > y.accuracy }
            let (la, lb) = (
                latency(a, megabitsPerSecond: megabitsPerSecond), latency(b, megabitsPerSecond: megabitsPerSecond)
            )
            return la != lb ? la < lb : a < b
        }
    }

    /// Decides the member for the next request at an estimated `megabitsPerSecond`, or device-only when
    /// `edgeReachable` is false.
    public mutating func choose(megabitsPerSecond: Double, edgeReachable: Bool = true) -> Decision {
        let bandwidth = max(megabitsPerSecond, 1e-9)
        let (member, reason): (Int, Reason)
        if !edgeReachable {
            (member, reason) = (table.deviceOnly, .edgeUnreachable)
        } else if let current, latency(current, megabitsPerSecond: bandwidth) <= budget,
            best(megabitsPerSecond: bandwidth * (1 - margin)).map({
                table.members[$0].accuracy <= table.members[current].accuracy
            }) ?? true
        {
            (member, reason) = (current, .kept)
        } else if let chosen = best(megabitsPerSecond: bandwidth * (1 - margin)) ?? best(megabitsPerSecond: bandwidth) {
            (member, reason) = (chosen, .best)
        } else {
            (member, reason) = (table.deviceOnly, .noneMeetsBudget)
        }
        let switched = current.map { $0 != member } ?? false
        if switched { switches += 1 }
        current = member
        return Decision(
            member: member, reason: reason, predicted: latency(member, megabitsPerSecond: bandwidth), switched: switched
        )
    }

    /// Decides a probe: the member with the edge that is fastest at `megabitsPerSecond` runs the next request
    /// so that the link is measured again (device-only sends nothing); device-only when there is no other.
    public mutating func probe(megabitsPerSecond: Double) -> Decision {
        let bandwidth = max(megabitsPerSecond, 1e-9)
        let member =
            table.members.indices.filter { $0 != table.deviceOnly }.min {
                latency($0, megabitsPerSecond: bandwidth) < latency($1, megabitsPerSecond: bandwidth)
            } ?? table.deviceOnly
        let switched = current.map { $0 != member } ?? false
        if switched { switches += 1 }
        current = member
        return Decision(
            member: member, reason: .probe, predicted: latency(member, megabitsPerSecond: bandwidth), switched: switched
        )
    }
}
