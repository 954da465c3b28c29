/// One emulated processor: this host slowed by `factor`, with a thread count and power figures.
///
/// Every op on this processor really runs on this host; its emulated time is `factor ×` the measured time
/// (the clock is advanced, or waited, by `(factor − 1) ×` the measured time), and `Dilation` charges no
/// less than the op's wall time.
public struct ProcessorProfile: Sendable, Hashable {
    /// A short name such as `pi4` or `host`.
    public var name: String
    /// Slowdown relative to this host (1 = this host; 10 = ten times slower).
    public var factor: Double
    /// Threads the ops on this processor may use on this host.
    public var threads: Int
    /// Power figures in watts.
    public var power: PowerProfile

    /// A processor profile.
    public init(name: String, factor: Double, threads: Int, power: PowerProfile) {
        self.name = name
        self.factor = factor
        self.threads = threads
        self.power = power
    }

    /// The emulated duration of an op that took `measured` seconds on this host.
    public func emulated(_ measured: Double) -> Double { measured * factor }
}
