import Systems

/// One answered request: where its time went, its device energy, and its answer.
public struct RequestReport: Sendable, Equatable {
    /// The request id (the sample's index).
    public var id: Int
    /// Emulated device compute seconds (segments, encoding, decoding; the fallback's too).
    public var device: Double
    /// Seconds on the uplink (transmission + delay).
    public var uplink: Double
    /// Emulated edge compute seconds (as the edge reported them).
    public var edge: Double
    /// Seconds on the downlink (transmission + delay).
    public var downlink: Double
    /// End-to-end seconds: wall clock (wait) or the sum of the parts (virtual).
    public var total: Double
    /// Device energy.
    public var energy: DeviceEnergy
    /// Bytes sent (frames, headers included).
    public var bytesUp: Int
    /// Bytes received.
    public var bytesDown: Int
    /// Messages that crossed the link (sent and received; each paid the one-way delay).
    public var crossings: Int
    /// True when the device answered alone because the edge failed.
    public var fallback: Bool
    /// The predicted class.
    public var prediction: Int
    /// The true class, when known.
    public var label: Int?
    /// The logits [1, classes].
    public var logits: [Float]
}
