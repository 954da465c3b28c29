/// Device energy of one request (SPEC.md §4): Σ device-op energy (active power × compute time) + idle power ×
/// time waiting for the edge + send power × send time + receive power × receive time, in joules.
public struct DeviceEnergy: Sendable, Hashable {
    /// Joules spent computing.
    public var compute: Double
    /// Joules spent idle, waiting for the edge.
    public var idle: Double
    /// Joules spent sending.
    public var send: Double
    /// Joules spent receiving.
    public var receive: Double

    /// The total in joules.
    public var total: Double { compute + idle + send + receive }

    /// The energy of a request from its time split (all in seconds) and the device's powers.
    public init(power: PowerProfile, compute: Double, idle: Double, send: Double, receive: Double) {
        self.compute = power.active * compute
        self.idle = power.idle * max(0, idle)
        self.send = power.send * send
        self.receive = power.receive * receive
    }
}
