import Design

/// `extract SN ARCH [on DATA] as NAME`: a standalone model of one architecture with the supernet's weights.
struct ExtractCommand: Command {
    static let spec = CommandSpec(
        name: "extract", group: .design, summary: "Copy one architecture's weights out of a supernet as a model",
        arguments: [
            .positional("supernet", .name, "the supernet"),
            .positional("arch", .name, "an architecture (or a list with index=)"),
            ArchitectureArgument.indexSpec,
            ArgumentSpec("on", .marked("on"), .name, .optional, "recalibrate BatchNorm on this data's training clouds"),
            .resultName(.value("model"), "session name of the model"),
        ],
        examples: ["extract sn a on shapes as m", "extract sn cands index=2 as m2"], records: true,
        details: """
            The model computes exactly the supernet's path for the architecture. `train`, `eval` and `export`
            work on it: `train NAME on DATA` fine-tunes it, `train ARCH on DATA` trains the architecture from
            scratch.
            """)

    static func run(_ call: Invocation, in shell: Shell) throws {
        let session = shell.session
        let value = try session.value(
            call.text("supernet") ?? "", as: SupernetValue.self, for: call, argument: "supernet")
        let architecture = try ArchitectureArgument.resolve(call, argument: "arch", in: session)
        guard architecture.space == value.supernet.space else {
            throw call.error(
                "the architecture is of space '\(architecture.space.name)', the supernet of "
                    + "'\(value.supernet.space.name)'", at: "arch")
        }
        let data = try call.text("on").map { _ in try TrainingData.resolve(call, argument: "on", in: session) }
        let model = try value.supernet.extract(
            architecture.architecture, calibration: data?.train, threads: shell.threads)
        let result = ModelValue(
            .architecture(model), classNames: value.classNames, points: value.supernet.space.pointsPerCloud)
        let name = call.text("as") ?? "model"
        session.define(name, result)
        shell.console.print("\(name): \(result.kindName), \(result.summary)")
    }
}
