import CHDF5

/// The element type of a dataset or attribute, as Tandem sees it (byte order is handled by HDF5).
public enum HDF5DataType: String, Sendable, Equatable, CaseIterable, CustomStringConvertible {
    /// IEEE half precision (2 bytes), read-only: converted to float32/float64 on reading.
    case float16
    /// IEEE single precision.
    case float32
    /// IEEE double precision.
    case float64
    /// Signed 8-bit integer.
    case int8
    /// Signed 16-bit integer.
    case int16
    /// Signed 32-bit integer.
    case int32
    /// Signed 64-bit integer.
    case int64
    /// Unsigned 8-bit integer.
    case uint8
    /// Unsigned 16-bit integer.
    case uint16
    /// Unsigned 32-bit integer.
    case uint32
    /// Unsigned 64-bit integer.
    case uint64
    /// A string (fixed-length or variable-length).
    case string
    /// Anything else (compound, enum, opaque, reference, ...): listed but not readable.
    case other

    /// The name as h5py/numpy print it (`float32`, `uint8`, `string`).
    public var description: String { rawValue }

    /// True for the integer types.
    public var isInteger: Bool {
        switch self {
        case .int8, .int16, .int32, .int64, .uint8, .uint16, .uint32, .uint64: return true
        default: return false
        }
    }

    /// True for the floating-point types.
    public var isFloatingPoint: Bool { self == .float16 || self == .float32 || self == .float64 }

    /// True for integer and floating-point types.
    public var isNumeric: Bool { isInteger || isFloatingPoint }

    /// Whether every value of type `self` converts to `target` exactly (what typed reads allow).
    public func convertsLosslessly(to target: HDF5DataType) -> Bool {
        if self == target { return self != .other }
        switch target {
        case .float64: return [.float16, .float32, .int8, .int16, .int32, .uint8, .uint16, .uint32].contains(self)
        case .float32: return [.float16, .int8, .int16, .uint8, .uint16].contains(self)
        case .int64: return [.int8, .int16, .int32, .uint8, .uint16, .uint32].contains(self)
        case .int32: return [.int8, .int16, .uint8, .uint16].contains(self)
        case .int16: return [.int8, .uint8].contains(self)
        case .uint64: return [.uint8, .uint16, .uint32].contains(self)
        case .uint32: return [.uint8, .uint16].contains(self)
        case .uint16: return self == .uint8
        default: return false
        }
    }

    /// The native in-memory HDF5 type for this element type (nil for string, other, float16).
    var nativeType: hid_t? {
        switch self {
        case .float32: return tandem_H5T_NATIVE_FLOAT()
        case .float64: return tandem_H5T_NATIVE_DOUBLE()
        case .int8: return tandem_H5T_NATIVE_INT8()
        case .int16: return tandem_H5T_NATIVE_INT16()
        case .int32: return tandem_H5T_NATIVE_INT32()
        case .int64: return tandem_H5T_NATIVE_INT64()
        case .uint8: return tandem_H5T_NATIVE_UINT8()
        case .uint16: return tandem_H5T_NATIVE_UINT16()
        case .uint32: return tandem_H5T_NATIVE_UINT32()
        case .uint64: return tandem_H5T_NATIVE_UINT64()
        case .float16, .string, .other: return nil
        }
    }

    /// The little-endian file type Tandem writes for this element type (nil for string, other, float16).
    var fileType: hid_t? {
        switch self {
        case .float32: return tandem_H5T_IEEE_F32LE()
        case .float64: return tandem_H5T_IEEE_F64LE()
        case .int8: return tandem_H5T_STD_I8LE()
        case .int16: return tandem_H5T_STD_I16LE()
        case .int32: return tandem_H5T_STD_I32LE()
        case .int64: return tandem_H5T_STD_I64LE()
        case .uint8: return tandem_H5T_STD_U8LE()
        case .uint16: return tandem_H5T_STD_U16LE()
        case .uint32: return tandem_H5T_STD_U32LE()
        case .uint64: return tandem_H5T_STD_U64LE()
        case .float16, .string, .other: return nil
        }
    }

    /// Classifies an HDF5 type id (of a dataset or attribute).
    init(typeID: hid_t) {
        let size = H5Tget_size(typeID)
        switch H5Tget_class(typeID) {
        case H5T_FLOAT:
            switch size {
            case 2: self = .float16
            case 4: self = .float32
            case 8: self = .float64
            default: self = .other
            }
        case H5T_INTEGER:
            let signed = H5Tget_sign(typeID) == H5T_SGN_2
            switch size {
            case 1: self = signed ? .int8 : .uint8
            case 2: self = signed ? .int16 : .uint16
            case 4: self = signed ? .int32 : .uint32
            case 8: self = signed ? .int64 : .uint64
            default: self = .other
            }
        case H5T_STRING: self = .string
        default: self = .other
        }
    }
}
