/// Checks shared by the layout readers: datasets that must exist, shapes, label vectors and class names.
enum LayoutReading {
    /// The info of dataset `name` in `group`, or a `noSuchObject` error that lists what the layout needs.
    static func requireDataset(_ file: HDF5File, _ group: String, _ name: String, layout: String) throws
        -> (path: String, info: HDF5DatasetInfo)
    {
        let path = HDF5Path.join(group, name)
        switch try file.kind(at: path) {
        case .dataset?: return (path, try file.info(at: path))
        case nil:
            throw file.failure(.noSuchObject, path, "no dataset '\(path)' (\(layout))")
        case let other?:
            throw file.failure(.wrongKind, path, "'\(path)' is a \(other), expected a dataset (\(layout))")
        }
    }

    /// A `wrongShape` error: `dataset '/label' has 2 dimensions [10, 3], expected [N, 1]`.
    static func shapeError(_ file: HDF5File, _ path: String, _ shape: [Int], expected: String) -> HDF5Error {
        let dimensions = shape.count == 1 ? "1 dimension" : "\(shape.count) dimensions"
        return file.failure(.wrongShape, path, "dataset '\(path)' has \(dimensions) \(shape), expected \(expected)")
    }

    /// A `wrongType` error unless `info` holds an integer type.
    static func requireInteger(_ file: HDF5File, _ path: String, _ info: HDF5DatasetInfo) throws {
        guard info.dataType.isInteger else {
            throw file.failure(.wrongType, path, "dataset '\(path)' holds \(info.dataType), expected an integer type")
        }
    }

    /// A `wrongType` error unless `info` holds a floating-point type.
    static func requireFloat(_ file: HDF5File, _ path: String, _ info: HDF5DatasetInfo) throws {
        guard info.dataType.isFloatingPoint else {
            throw file.failure(.wrongType, path, "dataset '\(path)' holds \(info.dataType), expected float32")
        }
    }

    /// Reads a label vector stored as [N] or [N, 1] of any integer type; labels must be in 0...Int32.max.
    static func readLabels(_ file: HDF5File, _ group: String, _ name: String, count: Int, item: String, layout: String)
        throws -> [Int32]
    {
        let (path, info) = try requireDataset(file, group, name, layout: layout)
        guard info.shape.count == 1 || (info.shape.count == 2 && info.shape[1] == 1) else {
            throw shapeError(file, path, info.shape, expected: "[N, 1] or [N]")
        }
        try requireInteger(file, path, info)
        guard info.shape[0] == count else {
            throw file.failure(
                .wrongShape, path, "dataset '\(path)' has \(info.shape[0]) labels for \(count) \(item)s")
        }
        let values = try file.readIntegers(at: path).values
        if let bad = values.firstIndex(where: { $0 < 0 || $0 > Int64(Int32.max) }) {
            throw file.failure(
                .invalidContent, path,
                "dataset '\(path)': label \(values[bad]) of \(item) \(bad) is negative or too large")
        }
        return values.map { Int32($0) }
    }

    /// Class names from the `class_names` attribute of `group` or a `class_names` string dataset in it; empty
    /// when neither exists.
    static func readClassNames(_ file: HDF5File, _ group: String) throws -> [String] {
        if let value = try file.attributeIfPresent("class_names", at: group) {
            guard let names = value.stringsValue else {
                throw file.failure(
                    .wrongType, group, "attribute 'class_names' of '\(group)' is \(value), expected strings")
            }
            return names
        }
        let path = HDF5Path.join(group, "class_names")
        if try file.kind(at: path) == .dataset { return try file.readStrings(at: path) }
        return []
    }

    /// Checks that every label indexes `names` (when names are known).
    static func checkLabels(_ labels: [Int32], against names: [String], _ file: HDF5File, _ path: String, item: String)
        throws
    {
        guard !names.isEmpty, let bad = labels.firstIndex(where: { Int($0) >= names.count }) else { return }
        throw file.failure(
            .invalidContent, path,
            "dataset '\(path)': label \(labels[bad]) of \(item) \(bad) is out of range for \(names.count) class names")
    }
}
