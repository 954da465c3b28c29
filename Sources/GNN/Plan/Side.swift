/// Where an operation runs: execution starts on the device, and each communicate flips the side.
public enum Side: String, Sendable, CaseIterable, Hashable, CustomStringConvertible {
    /// The weak device that holds the input and receives the answer.
    case device
    /// The edge server.
    case edge

    /// The side a communicate sends to.
    public var other: Side { self == .device ? .edge : .device }

    /// `device` or `edge`.
    public var description: String { rawValue }
}
