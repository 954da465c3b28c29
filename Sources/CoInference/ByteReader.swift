/// Reads little-endian fields from a byte array, throwing (never trapping) when it runs out.
struct ByteReader {
    let bytes: [UInt8]
    var offset: Int

    init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var remaining: Int { bytes.count - offset }

    mutating func take(_ n: Int, _ what: String) throws(WireError) -> ArraySlice<UInt8> {
        guard n >= 0, n <= remaining else {
            throw .malformed("\(what) needs \(n) bytes, \(remaining) left")
        }
        defer { offset += n }
        return bytes[offset..<offset + n]
    }

    mutating func u8(_ what: String) throws(WireError) -> UInt8 { try take(1, what).first ?? 0 }

    mutating func u16(_ what: String) throws(WireError) -> UInt16 {
        let s = try take(2, what)
        return UInt16(s[s.startIndex]) | UInt16(s[s.startIndex + 1]) << 8
    }

    mutating func u32(_ what: String) throws(WireError) -> UInt32 {
        let s = try take(4, what)
        var v: UInt32 = 0
        for (i, b) in s.enumerated() { v |= UInt32(b) << (8 * UInt32(i)) }
        return v
    }

    mutating func u64(_ what: String) throws(WireError) -> UInt64 {
        let s = try take(8, what)
        var v: UInt64 = 0
        for (i, b) in s.enumerated() { v |= UInt64(b) << (8 * UInt64(i)) }
        return v
    }

    /// A u32 length (at most `limit`) then that many UTF-8 bytes.
    mutating func text(_ what: String, limit: Int) throws(WireError) -> String {
        let n = Int(try u32("\(what) length"))
        guard n <= limit else { throw .tooLarge("\(what) length", n, limit: limit) }
        let raw = try take(n, what)
        guard let s = String(validating: raw, as: UTF8.self) else { throw .malformed("\(what) is not UTF-8") }
        return s
    }
}
