import Design

/// `supernet eval SN ARCH [on DATA]`: accuracy of architectures with the supernet's weights.
struct SupernetEvalCommand: Command {
    static let spec = CommandSpec(
        name: "supernet eval", group: .design, summary: "Score architectures with weights inherited from a supernet",
        arguments: [
            .positional("supernet", .name, "the supernet"),
            .positional("arch", .name, "an architecture, or a list (all, ranked, unless index= picks one)"),
            ArchitectureArgument.indexSpec,
            ArgumentSpec("on", .marked("on"), .name, .required, "splits: recalibrates on train, scores on test"),
            .key(
                "order", .choice(["accuracy", "given"]), .value("accuracy"), "rows best first, or in the list's order"),
        ],
        examples: ["supernet eval sn a on shapes", "supernet eval sn cands on shapes"], records: false,
        details: """
            BatchNorm is recalibrated on a few training batches (the same for every architecture), then the
            architecture's path runs on the test split. Scores are cached in the supernet until it trains again.
            """)

    static func run(_ call: Invocation, in shell: Shell) throws {
        let session = shell.session
        let name = call.text("supernet") ?? ""
        var value = try session.value(name, as: SupernetValue.self, for: call, argument: "supernet")
        let architectures = try ArchitectureArgument.resolveAll(call, argument: "arch", in: session)
        let data = try TrainingData.resolve(call, argument: "on", in: session)
        var rows: [(score: ArchitectureScore, arch: ArchitectureValue)] = []
        defer { session.define(name, value) }
        for architecture in architectures {
            guard architecture.space == value.supernet.space else {
                throw call.error(
                    "the architecture is of space '\(architecture.space.name)', the supernet of "
                        + "'\(value.supernet.space.name)'", at: "arch")
            }
            let score = try value.supernet.evaluate(
                architecture.architecture, on: data.evaluation, calibration: data.train, threads: shell.threads,
                progress: shell.progress("score"), cancellation: shell.cancellation)
            rows.append((score, architecture))
        }
        if rows.count == 1 {
            shell.console.print(
                "\(call.text("arch") ?? ""): " + NumberFormat.fixed(rows[0].score.accuracy * 100, 1) + "% overall, "
                    + NumberFormat.fixed(rows[0].score.meanClassAccuracy * 100, 1) + "% mean class, loss "
                    + NumberFormat.fixed(rows[0].score.loss, 3) + " (inherited weights)")
            return
        }
        let order =
            call.text("order") == "given"
            ? Array(rows.indices)
            : rows.indices.sorted {
                rows[$0].score.accuracy > rows[$1].score.accuracy
                    || (rows[$0].score.accuracy == rows[$1].score.accuracy && $0 < $1)
            }
        let table = Table(
            header: ["#", "acc", "mean class", "mode", "architecture"],
            rows: order.map { index in
                [
                    "\(index + 1)", NumberFormat.fixed(rows[index].score.accuracy * 100, 1) + "%",
                    NumberFormat.fixed(rows[index].score.meanClassAccuracy * 100, 1) + "%",
                    rows[index].arch.architecture.mode?.rawValue ?? "", rows[index].arch.architecture.text,
                ]
            })
        shell.console.print(table.text)
    }
}
