import Tensor

extension PointCloudSet {
    /// What the point-cloud layout needs, quoted in errors.
    static let layoutNeeds = "point clouds need 'data' [N, P, 3] float32 and 'label' [N, 1] integer"

    /// Reads point clouds from a written source: `file.h5`, `file.h5/group`, a folder of `*.h5` or a pattern
    /// (see `HDF5Source`); several files are concatenated in name order and must agree on P.
    public static func read(from source: String) throws -> PointCloudSet {
        let resolved = try HDF5Source.resolve(source)
        return try read(files: resolved.files, group: resolved.group)
    }

    /// Reads and concatenates the point clouds in `group` of each file; all files must have the same number of
    /// points per cloud and, when they name classes, the same class names.
    public static func read(files: [String], group: String = "/") throws -> PointCloudSet {
        guard let first = files.first else {
            throw HDF5Error(file: "(no files)", reason: .invalidRequest, message: "no files to read point clouds from")
        }
        var parts: [PointCloudSet] = []
        for path in files {
            let part = try HDF5File.read(path) { try read(from: $0, group: group) }
            if let reference = parts.first {
                if part.pointsPerCloud != reference.pointsPerCloud {
                    throw HDF5Error(
                        file: path, object: HDF5Path.join(group, "data"), reason: .wrongShape,
                        message:
                            "clouds have \(part.pointsPerCloud) points, but \(first) has \(reference.pointsPerCloud)")
                }
                if !part.classNames.isEmpty && !reference.classNames.isEmpty && part.classNames != reference.classNames
                {
                    throw HDF5Error(
                        file: path, object: group, reason: .invalidContent,
                        message: "class names differ from those of \(first)")
                }
            }
            parts.append(part)
        }
        if parts.count == 1 { return parts[0] }
        var scalars: [Float] = []
        scalars.reserveCapacity(parts.reduce(0) { $0 + $1.points.count })
        for part in parts { scalars += part.points.scalars }
        let count = parts.reduce(0) { $0 + $1.count }
        let names = parts.first { !$0.classNames.isEmpty }?.classNames ?? []
        return PointCloudSet(
            points: Tensor(shape: [count, parts[0].pointsPerCloud, 3], scalars: scalars),
            labels: parts.flatMap(\.labels), classNames: names)
    }

    /// Reads the point clouds stored in `group` of an open file (`data`, `label`, optional `class_names`).
    public static func read(from file: HDF5File, group: String = "/") throws -> PointCloudSet {
        let group = HDF5Path.normalize(group)
        try file.requireKind(.group, at: group)
        let (dataPath, dataInfo) = try LayoutReading.requireDataset(file, group, "data", layout: layoutNeeds)
        guard dataInfo.shape.count == 3, dataInfo.shape[2] == 3 else {
            throw LayoutReading.shapeError(file, dataPath, dataInfo.shape, expected: "[N, P, 3]")
        }
        try LayoutReading.requireFloat(file, dataPath, dataInfo)
        let count = dataInfo.shape[0]
        let labels = try LayoutReading.readLabels(
            file, group, "label", count: count, item: "cloud", layout: layoutNeeds)
        let names = try LayoutReading.readClassNames(file, group)
        try LayoutReading.checkLabels(labels, against: names, file, HDF5Path.join(group, "label"), item: "cloud")
        let points = try file.readTensor(at: dataPath)
        if let bad = points.scalars.firstIndex(where: { !$0.isFinite }) {
            throw file.failure(
                .invalidContent, dataPath,
                "dataset '\(dataPath)': coordinate \(bad % 3) of point \(bad / 3 % dataInfo.shape[1]) of cloud "
                    + "\(bad / 3 / dataInfo.shape[1]) is \(points.scalars[bad])")
        }
        return PointCloudSet(points: points, labels: labels, classNames: names)
    }

    /// Writes the set as a new file at `path` (atomically), in `group` (default the root).
    public func write(to path: String, group: String = "/", options: HDF5WriteOptions = .compressed) throws {
        try HDF5File.write(to: path) { file in try write(into: file, group: group, options: options) }
    }

    /// Writes `data` float32 [N, P, 3], `label` [N, 1] (uint8 when every label fits, else int32), the
    /// `class_names` attribute when names are known and `tandem_kind` = `point_clouds`, into `group`.
    public func write(into file: HDF5File, group: String = "/", options: HDF5WriteOptions = .compressed) throws {
        try file.createGroup(group)
        try file.write(points, at: HDF5Path.join(group, "data"), options: options)
        let labelPath = HDF5Path.join(group, "label")
        if labels.allSatisfy({ (0...255).contains($0) }) {
            try file.write(labels.map { UInt8($0) }, shape: [count, 1], at: labelPath, options: options)
        } else {
            try file.write(labels, shape: [count, 1], at: labelPath, options: options)
        }
        if !classNames.isEmpty { try file.setAttribute("class_names", to: .strings(classNames), at: group) }
        try file.setAttribute(HDF5Layout.kindAttribute, to: .string("point_clouds"), at: group)
    }
}
