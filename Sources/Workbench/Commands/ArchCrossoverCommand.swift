import Design
import Tensor

/// `arch crossover A B seed=S as NAME`: a valid one-point crossover child of two architectures.
struct ArchCrossoverCommand: Command {
    static let spec = CommandSpec(
        name: "arch crossover", group: .design,
        summary: "Combine the start of one architecture with the end of another",
        arguments: [
            .positional("first", .name, "the architecture giving the first positions"),
            .positional("second", .name, "the architecture giving the rest"),
            .key("seed", .integer, .setting("seed"), "seed of the cut"),
            .resultName(.value("child"), "session name of the result"),
        ],
        examples: ["arch crossover a b seed=2 as c"], records: true,
        details:
            "Both must be single architectures of the same space; the cut is drawn among those giving a valid child.")

    static func run(_ call: Invocation, in shell: Shell) throws {
        let session = shell.session
        let first = try session.value(
            call.text("first") ?? "", as: ArchitectureValue.self, for: call, argument: "first")
        let second = try session.value(
            call.text("second") ?? "", as: ArchitectureValue.self, for: call, argument: "second")
        guard first.space == second.space else {
            throw call.error(
                "the architectures belong to different spaces ('\(first.space.name)', '\(second.space.name)')",
                at: "second")
        }
        var generator = SeededGenerator(seed: call.seed())
        let child: Architecture
        do {
            child = try first.architecture.crossover(with: second.architecture, in: first.space, using: &generator)
        } catch {
            throw call.error(error.description, at: "second")
        }
        let value = ArchitectureValue(child, in: first.space)
        let name = call.text("as") ?? "child"
        shell.session.define(name, value)
        shell.console.print("\(name): \(value.summary)")
    }
}
