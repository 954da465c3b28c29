import Design

/// What a node of an architecture graph stands for.
public enum NodeKind: Sendable, Hashable {
    /// The global node every other node sends to.
    case global
    /// The raw input, on the device.
    case input
    /// The operation at a position.
    case position(Int)
    /// One layer of the classifier head (0 = first).
    case headLayer(Int)
    /// The answer, on the device.
    case output
}
