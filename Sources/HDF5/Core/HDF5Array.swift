/// A typed n-dimensional array read from or written to a dataset: row-major values and their shape.
public struct HDF5Array<Element: HDF5Element>: Sendable, Equatable {
    /// The extent of each dimension, outermost first; `[]` for a scalar dataset.
    public var shape: [Int]
    /// The elements in row-major (C) order; `shape.product` of them.
    public var values: [Element]

    /// Creates an array; the number of values must equal the product of the shape.
    public init(shape: [Int], values: [Element]) {
        precondition(shape.reduce(1, *) == values.count, "shape \(shape) needs \(shape.reduce(1, *)) values")
        self.shape = shape
        self.values = values
    }

    /// The number of dimensions.
    public var rank: Int { shape.count }
}

/// What a dataset holds, read without reading its data.
public struct HDF5DatasetInfo: Sendable, Equatable, CustomStringConvertible {
    /// The extent of each dimension; `[]` for a scalar dataset.
    public var shape: [Int]
    /// The element type.
    public var dataType: HDF5DataType

    /// Creates an info value.
    public init(shape: [Int], dataType: HDF5DataType) {
        self.shape = shape
        self.dataType = dataType
    }

    /// The number of elements.
    public var count: Int { shape.reduce(1, *) }

    /// `float32 [13, 256, 3]` (`float64 scalar` for rank 0).
    public var description: String {
        "\(dataType) " + (shape.isEmpty ? "scalar" : "[" + shape.map(String.init).joined(separator: ", ") + "]")
    }
}

/// The kind of an object in an HDF5 file.
public enum HDF5ObjectKind: String, Sendable, Equatable, CustomStringConvertible {
    /// A group (folder of links).
    case group
    /// A dataset (n-dimensional array).
    case dataset
    /// Something else: a named data type, a dangling or external link.
    case other

    /// `group`, `dataset` or `other`.
    public var description: String { rawValue }
}

/// One entry of a listing: the object's absolute path, kind and, for datasets, its shape and type.
public struct HDF5Entry: Sendable, Equatable {
    /// The absolute path, e.g. `/train/data`.
    public var path: String
    /// The child's own name (last path component), e.g. `data`.
    public var name: String
    /// Group, dataset or other.
    public var kind: HDF5ObjectKind
    /// For a dataset its shape and type; nil otherwise.
    public var info: HDF5DatasetInfo?

    /// Creates an entry.
    public init(path: String, name: String, kind: HDF5ObjectKind, info: HDF5DatasetInfo? = nil) {
        self.path = path
        self.name = name
        self.kind = kind
        self.info = info
    }
}

/// How a dataset is stored: contiguous, or chunked with gzip and the shuffle filter.
public struct HDF5WriteOptions: Sendable, Equatable {
    /// The gzip level 1–9, or nil for no compression (contiguous storage).
    public var gzipLevel: Int?
    /// The chunk shape (one extent per dimension), or nil to choose one of at most `HDF5WriteOptions.chunkBytes`.
    public var chunkShape: [Int]?

    /// Creates options; `gzipLevel` nil means uncompressed.
    public init(gzipLevel: Int? = nil, chunkShape: [Int]? = nil) {
        self.gzipLevel = gzipLevel
        self.chunkShape = chunkShape
    }

    /// Uncompressed, contiguous storage.
    public static let plain = HDF5WriteOptions()
    /// Chunked with shuffle + gzip level 4 (readable by h5py and every HDF5 since 1.8).
    public static let compressed = HDF5WriteOptions(gzipLevel: 4)
    /// The size aimed at by automatically chosen chunks.
    public static let chunkBytes = 256 * 1024
}
