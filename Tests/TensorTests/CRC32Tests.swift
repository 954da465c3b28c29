import Tensor
import Testing

@Test func crc32MatchesTheStandardCheckValues() {
    // Check values of CRC-32/ISO-HDLC (as zlib.crc32 computes them).
    #expect(CRC32.checksum(of: Array("123456789".utf8)) == 0xCBF4_3926)
    #expect(CRC32.checksum(of: [UInt8]()) == 0)
    #expect(CRC32.checksum(of: Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
}

@Test func crc32UpdatedInPiecesEqualsTheWholeChecksum() {
    let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
    var crc = CRC32()
    crc.update(bytes[0..<1])
    crc.update(bytes[1..<500])
    crc.update(bytes[500...])
    #expect(crc.value == CRC32.checksum(of: bytes))
}
