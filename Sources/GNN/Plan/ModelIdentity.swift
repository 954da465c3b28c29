import Tensor

extension ParameterStore {
    /// CRC32 (IEEE) of every tensor, parameters and buffers together in name order: for each, the name's
    /// UTF-8 bytes, then its shape and scalars as little-endian 32-bit values.
    public var weightChecksum: UInt32 {
        var crc = CRC32()
        let all = parameters.merging(buffers) { a, _ in a }
        for name in all.keys.sorted() {
            guard let tensor = all[name] else { continue }
            crc.update(Array(name.utf8))
            let header = ([tensor.rank] + tensor.shape).map { UInt32(truncatingIfNeeded: $0).littleEndian }
            header.withUnsafeBytes { crc.update($0) }
            let words = tensor.scalars.map { $0.bitPattern.littleEndian }
            words.withUnsafeBytes { crc.update($0) }
        }
        return crc.value
    }

    /// `<kind>@<CRC32 of the weights as 8 hex digits>`, the identity both sides of a co-inference compare.
    public func identity(kind: String) -> String {
        let hex = String(weightChecksum, radix: 16)
        return kind + "@" + String(repeating: "0", count: max(0, 8 - hex.count)) + hex
    }
}
