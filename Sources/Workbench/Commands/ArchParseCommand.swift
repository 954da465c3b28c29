import Design

/// `arch parse "TEXT" [in SPACE] as NAME`: an architecture from either written form, checked in a space.
struct ArchParseCommand: Command {
    static let spec = CommandSpec(
        name: "arch parse", group: .design, summary: "Read an architecture in the dataset or readable form",
        arguments: [
            .positional("text", .text, "12 op ids, a comma, 12 function ids; or the readable `knn | agg(rel,max) | …`"),
            SpaceArgument.spec,
            .resultName(.value("arch"), "session name of the architecture"),
        ],
        examples: [
            "arch parse \"1 5 3 2 3 2 1 2 0 2 2 4,2 0 0 6 0 6 4 6 0 6 6 3\" as a",
            "arch parse \"knn | agg(edgeconv,max) | combine(16) | pool(max) | comm | id\" in s as b",
        ],
        records: true,
        details: "A broken rule is reported with its position, and the caret points at that position's op.")

    static func run(_ call: Invocation, in shell: Shell) throws {
        let space = try SpaceArgument.resolve(call, in: shell.session)
        let text = call.text("text") ?? ""
        let architecture: Architecture
        do {
            architecture = try Architecture.parse(text, in: space)
        } catch {
            throw ArchitectureArgument.scriptError(error, call: call, argument: "text")
        }
        let value = ArchitectureValue(architecture, in: space)
        let name = call.text("as") ?? "arch"
        shell.session.define(name, value)
        shell.console.print("\(name): \(value.summary)")
    }
}
