import Design

/// `arch pick LIST I as NAME`: one architecture of a list, as its own value (for `show`).
struct ArchPickCommand: Command {
    static let spec = CommandSpec(
        name: "arch pick", group: .design, summary: "Take one architecture out of a list",
        arguments: [
            .positional("list", .name, "a list from `arch sample`"),
            .positional("index", .integer, "its number in the list, from 1"),
            .resultName(.value("arch"), "session name of the architecture"),
        ],
        examples: ["arch pick cands 2 as best"], records: true)

    static func run(_ call: Invocation, in shell: Shell) throws {
        let listName = call.text("list") ?? ""
        let list = try shell.session.value(listName, as: ArchitectureList.self, for: call, argument: "list")
        let index = call.integer("index")
        guard let value = list.item(index) else {
            throw call.error("'\(listName)' holds architectures 1 to \(list.architectures.count)", at: "index")
        }
        let name = call.text("as") ?? "arch"
        shell.session.define(name, value)
        shell.console.print("\(name): \(value.summary)")
    }
}
