import Tensor

/// One frame: a 32-byte header and a payload (README "Wire protocol").
///
/// Header, little-endian: magic `TNDM` (4) · version u8 · type u8 · flags u16 · request id u64 · model id u32 ·
/// segment u16 · tensor count u16 · payload length u32 · CRC32 u32 of header bytes 0..<28 followed by the payload.
public struct Frame: Sendable, Equatable {
    /// The message type.
    public var type: MessageType
    /// `WireFormat` flag bits.
    public var flags: UInt16
    /// The request this frame belongs to (0 for hello/welcome).
    public var requestID: UInt64
    /// CRC32 of the model identity agreed at hello (0 before).
    public var modelID: UInt32
    /// The plan segment concerned.
    public var segment: UInt16
    /// Tensors in the payload.
    public var tensorCount: UInt16
    /// The payload bytes.
    public var payload: [UInt8]

    /// A frame.
    public init(
        type: MessageType, flags: UInt16 = 0, requestID: UInt64 = 0, modelID: UInt32 = 0, segment: UInt16 = 0,
        tensorCount: UInt16 = 0, payload: [UInt8] = []
    ) {
        self.type = type
        self.flags = flags
        self.requestID = requestID
        self.modelID = modelID
        self.segment = segment
        self.tensorCount = tensorCount
        self.payload = payload
    }

    /// The frame's bytes on the wire.
    public func encoded() -> [UInt8] {
        var w = ByteWriter()
        w.bytes.reserveCapacity(WireFormat.headerSize + payload.count)
        w.raw(WireFormat.magic)
        w.u8(WireFormat.version)
        w.u8(type.rawValue)
        w.u16(flags)
        w.u64(requestID)
        w.u32(modelID)
        w.u16(segment)
        w.u16(tensorCount)
        w.u32(UInt32(payload.count))
        var crc = CRC32()
        w.bytes.withUnsafeBytes { crc.update($0) }
        payload.withUnsafeBytes { crc.update($0) }
        w.u32(crc.value)
        w.raw(payload)
        return w.bytes
    }
}
