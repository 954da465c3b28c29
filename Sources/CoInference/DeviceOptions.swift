import Systems

/// How a device runtime runs: the emulated system, the clock, pipelining, float16 transfer, reconnection.
public struct DeviceOptions: Sendable {
    /// The system emulated (device profile, edge profile for the report, link).
    public var system: System
    /// Wait (really sleep and throttle) or virtual (account).
    public var clock: ClockMode
    /// Start sample t+1 on the device while the edge works on sample t.
    public var pipeline: Bool
    /// Requests in flight at once when pipelining (2: the device works on t+1 while the edge works on t).
    public var depth: Int
    /// Send float features as float16.
    public var float16: Bool
    /// Seconds before a connection attempt gives up.
    public var connectTimeout: Double
    /// First wait before reconnecting after the edge failed (seconds); doubled after each failure.
    public var initialBackoff: Double
    /// Longest wait between reconnection attempts (seconds).
    public var maximumBackoff: Double
    /// Size limits for frames read from the edge.
    public var limits: WireLimits

    /// Options (defaults: no pipelining (depth 2 when on), float32, 2 s connect timeout, backoff 50 ms doubling to 2 s).
    public init(
        system: System, clock: ClockMode = .virtual, pipeline: Bool = false, depth: Int = 2, float16: Bool = false,
        connectTimeout: Double = 2, initialBackoff: Double = 0.05, maximumBackoff: Double = 2,
        limits: WireLimits = .standard
    ) {
        self.system = system
        self.clock = clock
        self.pipeline = pipeline
        self.depth = max(1, depth)
        self.float16 = float16
        self.connectTimeout = connectTimeout
        self.initialBackoff = initialBackoff
        self.maximumBackoff = maximumBackoff
        self.limits = limits
    }
}
