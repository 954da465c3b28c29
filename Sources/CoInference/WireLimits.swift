/// Upper bounds on every size read from the network; anything larger is refused before it is allocated.
public struct WireLimits: Sendable, Hashable {
    /// Largest payload of one frame in bytes.
    public var maxPayload: Int
    /// Most tensors in one frame.
    public var maxTensors: Int
    /// Largest rank of a tensor.
    public var maxRank: Int
    /// Largest extent of one dimension.
    public var maxDimension: Int
    /// Longest tensor name in bytes (UTF-8).
    public var maxNameLength: Int
    /// Longest text (identity, error message) in bytes.
    public var maxTextLength: Int

    /// Limits (defaults: 64 MiB payload, 64 tensors, rank 8, dimensions up to 2²⁴, names 256 B, texts 4 KiB).
    public init(
        maxPayload: Int = 64 << 20, maxTensors: Int = 64, maxRank: Int = 8, maxDimension: Int = 1 << 24,
        maxNameLength: Int = 256, maxTextLength: Int = 4096
    ) {
        self.maxPayload = maxPayload
        self.maxTensors = maxTensors
        self.maxRank = maxRank
        self.maxDimension = maxDimension
        self.maxNameLength = maxNameLength
        self.maxTextLength = maxTextLength
    }

    /// The defaults.
    public static let standard = WireLimits()
}
