import Tensor

/// `export NAME to PATH`: writes a named value as an HDF5 file.
struct ExportCommand: Command {
    static let spec = CommandSpec(
        name: "export", group: .data, summary: "Write a named value to an HDF5 file",
        arguments: [
            .positional("name", .name, "the value to write"),
            ArgumentSpec("to", .marked("to"), .path, .required, "the HDF5 file to create (replaced if it exists)"),
        ],
        examples: ["export shapes to shapes.h5"], records: true,
        details: "Point clouds and graphs are written in their layouts; splits as groups /train and /test.")

    static func run(_ call: Invocation, in shell: Shell) throws {
        let name = call.text("name") ?? ""
        guard let value = shell.session.value(named: name) else {
            throw call.error(
                "no value named '\(name)'\(Suggestions.hint(for: name, in: shell.session.names))", at: "name")
        }
        guard let exportable = value as? any HDF5Exportable else {
            throw call.error("'\(name)' is \(value.kindName), which cannot be exported to HDF5", at: "name")
        }
        let path = call.text("to") ?? ""
        let target = shell.session.resolvePath(path)
        try AtomicFile.createParentDirectory(of: target)
        try exportable.exportHDF5(to: target)
        shell.console.print("wrote \(name) (\(value.kindName)) to \(path)")
    }
}
