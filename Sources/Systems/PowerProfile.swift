/// The power a processor draws in each state, in watts (device energy, SPEC.md §4).
public struct PowerProfile: Sendable, Hashable {
    /// Power while computing (W).
    public var active: Double
    /// Power while waiting for the other side (W).
    public var idle: Double
    /// Power while the radio sends (W).
    public var send: Double
    /// Power while the radio receives (W).
    public var receive: Double

    /// A power profile from its four figures in watts.
    public init(active: Double, idle: Double, send: Double, receive: Double) {
        self.active = active
        self.idle = idle
        self.send = send
        self.receive = receive
    }
}
