import Tensor

/// An incremental frame decoder: feed it bytes as they come, take whole frames out.
///
/// The header is checked (magic, version, type, payload length against the limits) as soon as its 32 bytes
/// are in, before the payload is waited for, so an oversized frame is refused without buffering it. After an
/// error the decoder stays failed (the connection must be closed).
public struct FrameDecoder: Sendable {
    /// The limits applied.
    public let limits: WireLimits
    private var buffer: [UInt8] = []
    private var start = 0
    private var failure: WireError?

    /// A decoder with `limits`.
    public init(limits: WireLimits = .standard) { self.limits = limits }

    /// Bytes buffered but not yet returned as frames.
    public var buffered: Int { buffer.count - start }

    /// Appends received bytes.
    public mutating func append<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        if start > 0 && start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next whole frame, nil if more bytes are needed; throws on a bad frame (and on every call after).
    public mutating func next() throws(WireError) -> Frame? {
        if let failure { throw failure }
        do {
            return try decode()
        } catch {
            failure = error
            throw error
        }
    }

    /// Call when the peer has closed: throws if a partial frame is left over (a truncated frame).
    public func finish() throws(WireError) {
        if let failure { throw failure }
        if buffered > 0 { throw .malformed("connection closed inside a frame (\(buffered) bytes left)") }
    }

    private mutating func decode() throws(WireError) -> Frame? {
        guard buffered >= WireFormat.headerSize else {
            // Reject garbage early: the magic can be checked from the first bytes.
            let n = min(buffered, 4)
            if n > 0, Array(buffer[start..<start + n]) != Array(WireFormat.magic.prefix(n)) {
                throw .badMagic(Array(buffer[start..<start + n]))
            }
            return nil
        }
        var r = ByteReader(buffer, offset: start)
        let magic = Array(try r.take(4, "magic"))
        guard magic == WireFormat.magic else { throw .badMagic(magic) }
        let version = try r.u8("version")
        guard version == WireFormat.version else { throw .unsupportedVersion(version) }
        let rawType = try r.u8("type")
        guard let type = MessageType(rawValue: rawType) else { throw .unknownType(rawType) }
        let flags = try r.u16("flags")
        let requestID = try r.u64("request id")
        let modelID = try r.u32("model id")
        let segment = try r.u16("segment")
        let tensorCount = try r.u16("tensor count")
        guard Int(tensorCount) <= limits.maxTensors else {
            throw .tooLarge("tensor count", Int(tensorCount), limit: limits.maxTensors)
        }
        let length = Int(try r.u32("payload length"))
        guard length <= limits.maxPayload else { throw .tooLarge("payload length", length, limit: limits.maxPayload) }
        let expected = try r.u32("checksum")
        guard r.remaining >= length else { return nil }
        let payload = Array(try r.take(length, "payload"))
        var crc = CRC32()
        buffer.withUnsafeBytes { crc.update(UnsafeRawBufferPointer(rebasing: $0[start..<start + 28])) }
        payload.withUnsafeBytes { crc.update($0) }
        guard crc.value == expected else { throw .checksumMismatch(expected: expected, computed: crc.value) }
        start = r.offset
        return Frame(
            type: type, flags: flags, requestID: requestID, modelID: modelID, segment: segment,
            tensorCount: tensorCount, payload: payload)
    }
}
