import HDF5

/// `load PATH [as NAME]`: reads point clouds, graphs or train/test splits from HDF5.
struct LoadCommand: Command {
    static let spec = CommandSpec(
        name: "load", aliases: ["open"], group: .data,
        summary: "Load point clouds, graphs, splits, a model or a supernet from HDF5",
        arguments: [
            .positional("path", .path, "file.h5, file.h5/group (as h5ls names objects), a folder or a *.h5 pattern"),
            .resultName(.derived("the file's stem, plus _GROUP", LoadCommand.defaultName), "session name of the data"),
        ],
        examples: ["load data/shapes.h5 as shapes", "load data/shapes.h5/test as test"], records: true,
        details: """
            The layout is detected: a group with `data` and `label` is point clouds, one with `x`, `edge_index`,
            `graph_ptr` and `y` is graphs, and one whose `train` and `test` groups hold point clouds is splits.
            Several files (a folder or a pattern) are concatenated in natural name order, except that files named
            with `train` and with `test` (ModelNet40's `ply_data_train*.h5`, `ply_data_test*.h5`) load as train
            and test splits. A `shape_names.txt` beside the files (one name per line) names the classes.
            """)

    static func run(_ call: Invocation, in shell: Shell) throws {
        let path = shell.session.resolvePath(call.text("path") ?? "")
        let name = call.text("as") ?? "data"
        let value: any NamedValue
        do {
            value = try load(path)
        } catch let error as HDF5Error {
            throw call.error(error.description, at: "path")
        }
        shell.session.define(name, value)
        shell.console.print("\(name): \(value.kindName), \(value.summary)")
    }

    /// The data at a written source, whichever layout it holds.
    static func load(_ path: String) throws -> any NamedValue {
        if let model = try loadModel(path) { return model }
        if let zoo = try loadZoo(path) { return zoo }
        let source = try HDF5Source.resolve(path)
        let file = source.files[0]
        let layout = try HDF5File.read(file) { try HDF5Layout.detect(in: $0, group: source.group) }
        switch layout {
        case .pointClouds:
            return try loadPointClouds(source)
        case .graphs:
            return try GraphSet.read(from: path)
        default:
            let train = HDF5Path.join(source.group, "train")
            let test = HDF5Path.join(source.group, "test")
            let matches = try HDF5File.read(file) { try HDF5Layout.scan($0) }
            if matches.contains(HDF5LayoutMatch(group: train, layout: .pointClouds)),
                matches.contains(HDF5LayoutMatch(group: test, layout: .pointClouds))
            {
                let names = try shapeNames(beside: file)
                return PointCloudSplits(
                    train: try naming(PointCloudSet.read(files: source.files, group: train), names, source: file),
                    test: try naming(PointCloudSet.read(files: source.files, group: test), names, source: file))
            }
            let found = matches.map { "\(file)\($0.group == "/" ? "" : $0.group) (\($0.layout))" }
            let hint =
                found.isEmpty
                ? try HDF5File.read(file) { try missingDatasets($0, group: source.group) }
                : "name one of: " + found.joined(separator: ", ")
            throw HDF5Error(
                file: file, object: source.group, reason: .invalidContent,
                message: "group '\(source.group)' is \(layout), not point clouds or graphs; \(hint)")
        }
    }

    /// What a group lacks to be point clouds or graphs, naming the missing datasets of the layout it comes
    /// closest to ("it holds no data set" when it has none of their datasets).
    static func missingDatasets(_ file: HDF5File, group: String) throws -> String {
        let names = Set(try file.children(of: group).filter { $0.kind == .dataset }.map(\.name))
        let layouts = [
            ("point clouds", ["data", "label"], "'data' [N, P, 3] float32 and 'label' [N, 1] integer"),
            ("graphs", ["x", "edge_index", "graph_ptr", "y"], "'x', 'edge_index', 'graph_ptr' and 'y'"),
        ]
        let best = layouts.max { a, b in
            a.1.filter(names.contains).count < b.1.filter(names.contains).count
        }
        guard let best, best.1.contains(where: names.contains) else { return "it holds no data set" }
        let missing = best.1.filter { !names.contains($0) }.map { "'\($0)'" }.joined(separator: ", ")
        return "it lacks dataset \(missing) (\(best.0) need \(best.2))"
    }

    /// The default name: the file's stem, plus `_` and the group's last part, made a valid name.
    static let defaultName: @Sendable ([String: Value]) -> Value? = { arguments in
        guard let path = arguments["path"]?.textValue else { return nil }
        let parts = path.split(separator: "/").map(String.init)
        let fileIndex = parts.lastIndex { $0.hasSuffix(".h5") || $0.hasSuffix(".hdf5") } ?? (parts.count - 1)
        guard fileIndex >= 0, fileIndex < parts.count else { return .text("data") }
        var name = parts[fileIndex].split(separator: ".").first.map(String.init) ?? "data"
        if fileIndex < parts.count - 1, let last = parts.last { name += "_" + last }
        name = String(name.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" ? $0 : "_" })
        if !Resolver.isValidName(name) { name = "d_" + name }
        return .text(name)
    }
}
