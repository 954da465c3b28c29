/// Constants of the wire protocol (README "Wire protocol", version 1).
public enum WireFormat {
    /// The magic number opening every frame: the bytes `T N D M`.
    public static let magic: [UInt8] = Array("TNDM".utf8)
    /// The protocol version this build speaks.
    public static let version: UInt8 = 1
    /// Bytes in a frame header.
    public static let headerSize = 32
    /// Flag: the request is timed on the wait clock (the edge really sleeps its dilation).
    public static let waitClockFlag: UInt16 = 1 << 0
    /// Flag: send float features back as float16.
    public static let float16Flag: UInt16 = 1 << 1
}

/// The kind of a frame.
public enum MessageType: UInt8, Sendable, CaseIterable {
    /// Device → edge: the model identity and split it runs; must be the first frame of a connection.
    case hello = 1
    /// Edge → device: the model is known and matches; requests may follow.
    case welcome = 2
    /// Device → edge: run segment `segment` on these tensors.
    case request = 3
    /// Edge → device: the state after the segment `segment` the edge ran (the crossing, or the logits).
    case reply = 4
    /// Either way: something is wrong; the edge closes the connection after sending it.
    case error = 5
}

/// The element type of a tensor on the wire.
public enum WireDType: UInt8, Sendable, CaseIterable {
    /// IEEE binary32, little-endian.
    case float32 = 0
    /// IEEE binary16, little-endian (features when float16 transfer is on).
    case float16 = 1
    /// Two's-complement 32-bit integers, little-endian (graph indices).
    case int32 = 2

    /// Bytes per element.
    public var size: Int { self == .float16 ? 2 : 4 }
}
