/// One lookup-table row: the emulated seconds of an op on each side and the device's energy for it.
public struct CostEntry: Sendable, Hashable {
    /// Emulated seconds on the device (its dilation applied, as the engine measures it).
    public var deviceSeconds: Double
    /// Emulated seconds on the edge.
    public var edgeSeconds: Double
    /// Device joules: active power × `deviceSeconds`.
    public var deviceJoules: Double
    /// Repeat-to-repeat standard deviation of the device seconds (kept samples).
    public var deviceSpread: Double
    /// Repeat-to-repeat standard deviation of the edge seconds (kept samples).
    public var edgeSpread: Double

    /// An entry from its parts.
    public init(
        deviceSeconds: Double, edgeSeconds: Double, deviceJoules: Double, deviceSpread: Double = 0,
        edgeSpread: Double = 0
    ) {
        self.deviceSeconds = deviceSeconds
        self.edgeSeconds = edgeSeconds
        self.deviceJoules = deviceJoules
        self.deviceSpread = deviceSpread
        self.edgeSpread = edgeSpread
    }
}
