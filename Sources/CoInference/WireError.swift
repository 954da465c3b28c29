/// A frame or message that cannot be accepted, with what is wrong and where.
public enum WireError: Error, CustomStringConvertible, Equatable {
    /// The first four bytes are not `TNDM`.
    case badMagic([UInt8])
    /// A version this build does not speak.
    case unsupportedVersion(UInt8)
    /// An unknown message type byte.
    case unknownType(UInt8)
    /// A size over its limit (what, value, limit).
    case tooLarge(String, Int, limit: Int)
    /// The checksum does not match (expected from the header, computed).
    case checksumMismatch(expected: UInt32, computed: UInt32)
    /// The payload ends early or has bytes left over, or a field is invalid (what).
    case malformed(String)
    /// A frame arrived where another was expected (got, expected).
    case unexpected(MessageType, expected: String)

    /// A sentence naming the problem and what to check.
    public var description: String {
        switch self {
        case .badMagic(let bytes):
            return "frame starts with \(bytes.map { String($0, radix: 16) }) instead of 'TNDM': not a Tandem peer"
        case .unsupportedVersion(let v):
            return "frame has protocol version \(v), this build speaks \(WireFormat.version): use the same Tandem"
        case .unknownType(let t): return "frame has unknown message type \(t)"
        case .tooLarge(let what, let value, let limit): return "\(what) is \(value), over the limit of \(limit)"
        case .checksumMismatch(let expected, let computed):
            return "frame checksum is \(hex(computed)), header says \(hex(expected)): corrupted in transit"
        case .malformed(let what): return "malformed frame: \(what)"
        case .unexpected(let got, let expected): return "got a \(got) frame, expected \(expected)"
        }
    }
}

/// Eight hexadecimal digits.
func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
}
