import Tensor

extension GraphSet {
    /// What the graph layout needs, quoted in errors.
    static let layoutNeeds =
        "graphs need 'x' [total_nodes, F] float32, 'edge_index' [2, E] int64, 'graph_ptr' [N+1] int64, 'y' [N] int"

    /// Reads graphs from a written source: `file.h5` or `file.h5/group` (see `HDF5Source`; one file only).
    public static func read(from source: String) throws -> GraphSet {
        let resolved = try HDF5Source.resolve(source)
        guard resolved.files.count == 1 else {
            throw HDF5Error(
                file: source, reason: .invalidRequest,
                message: "graphs are read from one file, but \(resolved.files.count) files match")
        }
        return try HDF5File.read(resolved.files[0]) { try read(from: $0, group: resolved.group) }
    }

    /// Reads and validates the graphs stored in `group` of an open file (see `validate`).
    public static func read(from file: HDF5File, group: String = "/") throws -> GraphSet {
        let group = HDF5Path.normalize(group)
        try file.requireKind(.group, at: group)
        let (xPath, xInfo) = try LayoutReading.requireDataset(file, group, "x", layout: layoutNeeds)
        guard xInfo.shape.count == 2 else {
            throw LayoutReading.shapeError(file, xPath, xInfo.shape, expected: "[total_nodes, F]")
        }
        try LayoutReading.requireFloat(file, xPath, xInfo)
        let (edgePath, edgeInfo) = try LayoutReading.requireDataset(file, group, "edge_index", layout: layoutNeeds)
        guard edgeInfo.shape.count == 2, edgeInfo.shape[0] == 2 else {
            throw LayoutReading.shapeError(file, edgePath, edgeInfo.shape, expected: "[2, E]")
        }
        try LayoutReading.requireInteger(file, edgePath, edgeInfo)
        let (pointerPath, pointerInfo) = try LayoutReading.requireDataset(file, group, "graph_ptr", layout: layoutNeeds)
        guard pointerInfo.shape.count == 1, pointerInfo.shape[0] >= 1 else {
            throw LayoutReading.shapeError(file, pointerPath, pointerInfo.shape, expected: "[N+1] with N >= 0")
        }
        try LayoutReading.requireInteger(file, pointerPath, pointerInfo)
        let labels = try LayoutReading.readLabels(
            file, group, "y", count: pointerInfo.shape[0] - 1, item: "graph", layout: layoutNeeds)
        let edges = try file.readIntegers(at: edgePath).values
        let edgeCount = edgeInfo.shape[1]
        let set = GraphSet(
            features: try file.readTensor(at: xPath), sources: Array(edges[..<edgeCount]),
            targets: Array(edges[edgeCount...]), graphPointer: try file.readIntegers(at: pointerPath).values,
            labels: labels)
        if let problem = set.validationProblem() {
            let name: String
            switch problem.dataset {
            case "x": name = xPath
            case "edge_index": name = edgePath
            case "y": name = HDF5Path.join(group, "y")
            default: name = pointerPath
            }
            throw file.failure(.invalidContent, name, "dataset '\(name)': \(problem.message)")
        }
        return set
    }

    /// Writes the set as a new file at `path` (atomically), in `group` (default the root), after validating it.
    public func write(to path: String, group: String = "/", options: HDF5WriteOptions = .compressed) throws {
        try HDF5File.write(to: path) { file in try write(into: file, group: group, options: options) }
    }

    /// Writes `x` float32, `edge_index` int64 [2, E], `graph_ptr` int64 [N+1], `y` int64 [N] and
    /// `tandem_kind` = `graphs` into `group`; an invalid set is an `invalidContent` error and nothing is written.
    public func write(into file: HDF5File, group: String = "/", options: HDF5WriteOptions = .compressed) throws {
        if let problem = validationProblem() {
            let path = HDF5Path.join(group, problem.dataset)
            throw file.failure(.invalidContent, path, "cannot write '\(path)': \(problem.message)")
        }
        try file.createGroup(group)
        try file.write(features, at: HDF5Path.join(group, "x"), options: options)
        try file.write(
            sources + targets, shape: [2, sources.count], at: HDF5Path.join(group, "edge_index"), options: options)
        try file.write(
            graphPointer, shape: [graphPointer.count], at: HDF5Path.join(group, "graph_ptr"), options: options)
        try file.write(labels.map { Int64($0) }, shape: [labels.count], at: HDF5Path.join(group, "y"), options: options)
        try file.setAttribute(HDF5Layout.kindAttribute, to: .string("graphs"), at: group)
    }
}
