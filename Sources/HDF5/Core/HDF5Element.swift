/// A Swift numeric type that can be stored in and read from an HDF5 dataset or attribute.
public protocol HDF5Element: Numeric, Sendable, Equatable {
    /// The HDF5 element type this Swift type maps to.
    static var hdf5Type: HDF5DataType { get }
}

extension Float: HDF5Element {
    /// `float32`.
    public static var hdf5Type: HDF5DataType { .float32 }
}

extension Double: HDF5Element {
    /// `float64`.
    public static var hdf5Type: HDF5DataType { .float64 }
}

extension Int8: HDF5Element {
    /// `int8`.
    public static var hdf5Type: HDF5DataType { .int8 }
}

extension Int16: HDF5Element {
    /// `int16`.
    public static var hdf5Type: HDF5DataType { .int16 }
}

extension Int32: HDF5Element {
    /// `int32`.
    public static var hdf5Type: HDF5DataType { .int32 }
}

extension Int64: HDF5Element {
    /// `int64`.
    public static var hdf5Type: HDF5DataType { .int64 }
}

extension UInt8: HDF5Element {
    /// `uint8`.
    public static var hdf5Type: HDF5DataType { .uint8 }
}

extension UInt16: HDF5Element {
    /// `uint16`.
    public static var hdf5Type: HDF5DataType { .uint16 }
}

extension UInt32: HDF5Element {
    /// `uint32`.
    public static var hdf5Type: HDF5DataType { .uint32 }
}

extension UInt64: HDF5Element {
    /// `uint64`.
    public static var hdf5Type: HDF5DataType { .uint64 }
}
