import Design
import Tensor

/// `arch sample n=N [in SPACE] [mode=M] seed=S as NAME`: valid architectures drawn uniformly.
struct ArchSampleCommand: Command {
    static let spec = CommandSpec(
        name: "arch sample", group: .design, summary: "Draw valid architectures uniformly from a design space",
        arguments: [
            .key("n", .integer, .value("1"), "how many architectures"),
            SpaceArgument.spec,
            .key("mode", .choice(Mode.allCases.map(\.rawValue)), .optional, "only this device/edge mapping"),
            .key("seed", .integer, .setting("seed"), "seed of the draw"),
            .resultName(.value("archs"), "session name of the list"),
        ],
        examples: ["arch sample n=5 in s as cands", "arch sample n=3 mode=DE seed=4 as split"], records: true,
        details: "Every valid architecture is equally likely. `show NAME` lists them; `arch pick` takes one out.")

    static func run(_ call: Invocation, in shell: Shell) throws {
        let space = try SpaceArgument.resolve(call, in: shell.session)
        let count = call.integer("n")
        guard (1...100_000).contains(count) else { throw call.error("n=\(count): draw 1 to 100000", at: "n") }
        let sampler: ArchitectureSampler
        do {
            sampler = try ArchitectureSampler(
                space: space, modes: call.text("mode").flatMap(Mode.init(name:)).map { [$0] })
        } catch {
            throw call.error(error.description, at: call["mode"] == nil ? nil : "mode")
        }
        var generator = SeededGenerator(seed: call.seed())
        let list = ArchitectureList(sampler.sample(count, using: &generator), in: space)
        let name = call.text("as") ?? "archs"
        shell.session.define(name, list)
        shell.console.print("\(name): \(list.summary)")
        shell.console.print(list.details)
    }
}
