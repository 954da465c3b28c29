import Design
import Tensor

/// `arch mutate ARCH [kind=K] seed=S as NAME`: a valid architecture one mutation away.
struct ArchMutateCommand: Command {
    static let spec = CommandSpec(
        name: "arch mutate", group: .design, summary: "Change one op, function or communicate place, keeping validity",
        arguments: [
            .positional("arch", .name, "an architecture (or a list with index=)"),
            ArchitectureArgument.indexSpec,
            .key("kind", .choice(["any"] + MutationKind.allCases.map(\.rawValue)), .value("any"), "what may change"),
            .key("seed", .integer, .setting("seed"), "seed of the choice"),
            .resultName(.value("mutant"), "session name of the result"),
        ],
        examples: ["arch mutate a seed=3 as a2", "arch mutate cands index=1 kind=communicatePlace as moved"],
        records: true)

    static func run(_ call: Invocation, in shell: Shell) throws {
        let parent = try ArchitectureArgument.resolve(call, argument: "arch", in: shell.session)
        let kindText = call.text("kind") ?? "any"
        let kinds = kindText == "any" ? MutationKind.allCases : MutationKind(rawValue: kindText).map { [$0] } ?? []
        var generator = SeededGenerator(seed: call.seed())
        let child: Architecture
        do {
            child = try parent.architecture.mutated(in: parent.space, kinds: kinds, using: &generator)
        } catch {
            throw call.error(error.description, at: "arch")
        }
        let value = ArchitectureValue(child, in: parent.space)
        let name = call.text("as") ?? "mutant"
        shell.session.define(name, value)
        shell.console.print("\(name): \(value.summary)")
    }
}
