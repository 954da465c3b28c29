/// The predicted cost of running one sample of an architecture with its mapping over a link.
///
/// Units are in the names: seconds and joules (end-to-end latency per sample at batch 1, and the energy
/// the device spends on it: its own compute, idle waiting for the edge, and the radio).
public struct CostEstimate: Sendable, Hashable {
    /// End-to-end latency per sample, in seconds.
    public var latencySeconds: Double
    /// Device energy per sample, in joules.
    public var deviceEnergyJoules: Double

    /// A cost of `latencySeconds` s and `deviceEnergyJoules` J.
    public init(latencySeconds: Double, deviceEnergyJoules: Double) {
        self.latencySeconds = latencySeconds
        self.deviceEnergyJoules = deviceEnergyJoules
    }

    /// The latency in milliseconds.
    public var latencyMilliseconds: Double { latencySeconds * 1e3 }

    /// The device energy in millijoules.
    public var deviceEnergyMillijoules: Double { deviceEnergyJoules * 1e3 }
}
