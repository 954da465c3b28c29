/// A network link between device and edge: bandwidth, a fixed one-way delay, and an optional schedule.
public struct LinkProfile: Sendable, Hashable {
    /// One change of bandwidth: from `time` seconds after the start, the link runs at `megabitsPerSecond`.
    public struct Change: Sendable, Hashable {
        /// Seconds after the start of a run.
        public var time: Double
        /// The bandwidth from then on (Mbit/s, 10⁶ bits per second).
        public var megabitsPerSecond: Double
        /// A schedule entry.
        public init(time: Double, megabitsPerSecond: Double) {
            self.time = time
            self.megabitsPerSecond = megabitsPerSecond
        }
    }

    /// Bandwidth in Mbit/s (10⁶ bits per second), the same in both directions.
    public var megabitsPerSecond: Double
    /// One-way propagation delay in seconds, added once per message.
    public var delay: Double
    /// Bandwidth changes over time (sorted by time); empty = constant bandwidth.
    public var schedule: [Change]

    /// A link of `megabitsPerSecond` with a one-way `delay` in seconds.
    public init(megabitsPerSecond: Double, delay: Double, schedule: [Change] = []) {
        self.megabitsPerSecond = megabitsPerSecond
        self.delay = delay
        self.schedule = schedule.sorted { $0.time < $1.time }
    }

    /// The bandwidth in Mbit/s at `time` seconds after the start of a run.
    public func megabitsPerSecond(at time: Double) -> Double {
        var current = megabitsPerSecond
        for change in schedule where change.time <= time { current = change.megabitsPerSecond }
        return current
    }

    /// Seconds to serialise `bytes` at the bandwidth in force at `time` (without the delay).
    public func transmissionTime(bytes: Int, at time: Double = 0) -> Double {
        Double(bytes) * 8 / (megabitsPerSecond(at: time) * 1e6)
    }
}
