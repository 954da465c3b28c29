/// One tensor as carried in a frame: a name, an element type, a shape and its little-endian bytes.
///
/// On the wire: name length u16 · name (UTF-8) · dtype u8 · rank u8 · rank × u32 dimensions · the elements
/// (dtype size × product of dimensions bytes).
public struct WireTensor: Sendable, Equatable {
    /// The plan's name of the value ("features", "graph", "logits", ...).
    public var name: String
    /// The element type.
    public var dtype: WireDType
    /// The extent of each dimension.
    public var shape: [Int]
    /// Little-endian elements.
    public var data: [UInt8]

    /// A tensor from its parts (`data.count` must be `dtype.size × shape.product`).
    public init(name: String, dtype: WireDType, shape: [Int], data: [UInt8]) {
        self.name = name
        self.dtype = dtype
        self.shape = shape
        self.data = data
    }

    /// A float tensor, as float32 or float16.
    public init(name: String, shape: [Int], floats: [Float], float16: Bool) {
        self.name = name
        self.shape = shape
        if float16 {
            dtype = .float16
            var bytes = [UInt8]()
            bytes.reserveCapacity(floats.count * 2)
            for f in floats {
                let b = Float16Conversion.bits(f)
                bytes.append(UInt8(b & 0xFF))
                bytes.append(UInt8(b >> 8))
            }
            data = bytes
        } else {
            dtype = .float32
            data = floats.withUnsafeBytes { Array($0) }  // little-endian host (x86-64, arm64)
        }
    }

    /// An int32 tensor.
    public init(name: String, shape: [Int], ints: [Int32]) {
        self.name = name
        self.shape = shape
        dtype = .int32
        data = ints.withUnsafeBytes { Array($0) }
    }

    /// The elements as Float (float32 or float16 tensors).
    public func floats() throws(WireError) -> [Float] {
        switch dtype {
        case .float32:
            return data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
        case .float16:
            var out = [Float](repeating: 0, count: data.count / 2)
            for i in out.indices {
                out[i] = Float16Conversion.value(UInt16(data[2 * i]) | UInt16(data[2 * i + 1]) << 8)
            }
            return out
        case .int32:
            throw .malformed("tensor '\(name)' is int32, expected float features")
        }
    }

    /// The elements as Int32 (int32 tensors).
    public func ints() throws(WireError) -> [Int32] {
        guard dtype == .int32 else { throw .malformed("tensor '\(name)' is \(dtype), expected int32 indices") }
        return data.withUnsafeBytes { Array($0.bindMemory(to: Int32.self)) }
    }

    /// Appends the wire form.
    func write(to w: inout ByteWriter) {
        let utf8 = Array(name.utf8)
        w.u16(UInt16(truncatingIfNeeded: utf8.count))
        w.raw(utf8)
        w.u8(dtype.rawValue)
        w.u8(UInt8(truncatingIfNeeded: shape.count))
        for d in shape { w.u32(UInt32(truncatingIfNeeded: d)) }
        w.raw(data)
    }

    /// Reads one tensor, checking every size against `limits`.
    static func read(from r: inout ByteReader, limits: WireLimits) throws(WireError) -> WireTensor {
        let nameLength = Int(try r.u16("tensor name length"))
        guard nameLength <= limits.maxNameLength else {
            throw .tooLarge("tensor name length", nameLength, limit: limits.maxNameLength)
        }
        guard let name = String(validating: try r.take(nameLength, "tensor name"), as: UTF8.self) else {
            throw .malformed("tensor name is not UTF-8")
        }
        let rawType = try r.u8("dtype of '\(name)'")
        guard let dtype = WireDType(rawValue: rawType) else {
            throw .malformed("tensor '\(name)' has dtype \(rawType)")
        }
        let rank = Int(try r.u8("rank of '\(name)'"))
        guard rank <= limits.maxRank else { throw .tooLarge("rank of '\(name)'", rank, limit: limits.maxRank) }
        var shape: [Int] = []
        var count = 1
        for axis in 0..<rank {
            let d = Int(try r.u32("dimension \(axis) of '\(name)'"))
            guard d <= limits.maxDimension else {
                throw .tooLarge("dimension \(axis) of '\(name)'", d, limit: limits.maxDimension)
            }
            shape.append(d)
            count *= d  // ≤ 2²⁴ per factor, checked against the payload below before it can overflow much
            guard count <= limits.maxPayload else {
                throw .tooLarge("elements of '\(name)'", count, limit: limits.maxPayload)
            }
        }
        let data = Array(try r.take(count * dtype.size, "elements of '\(name)'"))
        return WireTensor(name: name, dtype: dtype, shape: shape, data: data)
    }
}
