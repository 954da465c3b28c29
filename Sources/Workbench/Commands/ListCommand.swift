/// `list`: every named value with its kind and a summary.
struct ListCommand: Command {
    static let spec = CommandSpec(
        name: "list", group: .session, summary: "List the session's named values", examples: ["list"],
        records: false)

    static func run(_ call: Invocation, in shell: Shell) throws {
        let session = shell.session
        guard !session.names.isEmpty else {
            shell.console.print("no named values yet (`load ... as NAME` or `make shapes ... as NAME` makes one)")
            return
        }
        let rows = session.names.compactMap { name in
            session.value(named: name).map { [name, $0.kindName, $0.summary] }
        }
        shell.console.print(Table(header: ["name", "kind", "summary"], rows: rows).text)
    }
}
