import HDF5

/// `ls FILE.h5`: every object of an HDF5 file, as `h5ls -r` shows it, with the layouts Tandem recognises.
struct LsCommand: Command {
    static let spec = CommandSpec(
        name: "ls", group: .data, summary: "List the groups and datasets of an HDF5 file (like h5ls -r)",
        arguments: [.positional("path", .path, "file.h5, or file.h5/group to list only below a group")],
        examples: ["ls data/shapes.h5"], records: false,
        details: "Each line is `path  Kind {dims}`; groups holding a layout `load` reads are marked with it.")

    static func run(_ call: Invocation, in shell: Shell) throws {
        let source = try HDF5Source.resolve(shell.session.resolvePath(call.text("path") ?? ""))
        guard source.files.count == 1 else {
            throw call.error("ls lists one file, but \(source.files.count) files match", at: "path")
        }
        let rows: [[String]] = try HDF5File.read(source.files[0]) { file in
            let layouts = Dictionary(try HDF5Layout.scan(file).map { ($0.group, $0.layout) }) { a, _ in a }
            let entries = [HDF5Entry(path: source.group, name: "", kind: .group)] + (try file.list(under: source.group))
            return entries.map { entry in
                switch entry.kind {
                case .group:
                    return [entry.path, "Group" + (layouts[entry.path].map { " (\($0))" } ?? "")]
                case .dataset:
                    let shape = entry.info?.shape ?? []
                    return [
                        entry.path,
                        "Dataset " + (shape.isEmpty ? "SCALAR" : "{\(shape.map(String.init).joined(separator: ", "))}"),
                    ]
                case .other:
                    return [entry.path, "Other"]
                }
            }
        }
        let width = rows.map { $0[0].count }.max() ?? 0
        for row in rows {
            shell.console.print(row[0] + String(repeating: " ", count: width - row[0].count) + "  " + row[1])
        }
    }
}
