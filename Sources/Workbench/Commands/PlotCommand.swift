import Search
import Tensor

/// `plot Z to FILE.svg [refs=MODEL,...|NAME:ACC:LATENCY,...] [on DATA]`: a zoo's Pareto front as an SVG, with
/// reference points measured in the engine or given.
struct PlotCommand: Command {
    static let spec = CommandSpec(
        name: "plot", group: .search, summary: "Draw a zoo's accuracy × latency Pareto front as SVG",
        arguments: [
            .positional("zoo", .name, "a zoo made by search"),
            ArgumentSpec("to", .marked("to"), .path, .required, "the SVG file written"),
            .key(
                "refs", .text, .optional,
                "reference models of the session (measured), or NAME:ACCURACY%:LATENCY figures, comma-separated"),
            ArgumentSpec(
                "on", .marked("on"), .name, .optional, "data for the reference models' accuracy and requests"),
            .key("system", .name, .optional, "the system the references run on (the zoo's if left out)"),
            .key("n", .integer, .value("4"), "requests per reference measurement"),
        ],
        examples: [
            "plot z to out/zoo.svg", "plot z to out/zoo.svg refs=dgcnn_model,pointnet_model on shapes",
            "plot z to out/zoo.svg refs=dgcnn:91.2:850ms,pointnet:86:120ms",
        ],
        records: false,
        details: """
            x = latency per sample (the front and the rings of the chosen designs at their predicted latency;
            squares at the chosen designs' engine-measured latency when the search measured them), y =
            inherited-weight accuracy; each bandwidth's front as a step line, the best design per target ringed;
            the legend says which latency each mark uses. A reference that names a model of the session is
            measured: its accuracy with `eval`'s path on DATA's test split, its latency in the engine on the
            zoo's system (virtual clock, n requests): a DGCNN or PointNet device-only and at its best single
            split per zoo bandwidth (`coinfer … split=best`), an architecture model at its own mapping per
            bandwidth. NAME:ACCURACY%:LATENCY draws figures you give, as they are.
            """)

    static func run(_ call: Invocation, in shell: Shell) throws {
        let session = shell.session
        let value = try session.value(call.text("zoo") ?? "", as: ZooValue.self, for: call, argument: "zoo")
        var references: [ReferencePoint] = []
        for part in (call.text("refs") ?? "").split(separator: ",") {
            let text = part.trimmingCharacters(in: .whitespaces)
            if text.contains(":") {
                references.append(try typedReference(text, call: call))
            } else {
                references += try measuredReferences(text, zoo: value, call: call, shell: shell)
            }
        }
        let path = session.resolvePath(call.text("to") ?? "")
        try AtomicFile.createParentDirectory(of: path)
        try ParetoPlot(
            zoo: value.zoo, references: references, measured: value.measured.mapValues(\.latencySeconds)
        ).write(to: path)
        shell.console.print(
            "wrote \(call.text("to") ?? path): \(value.zoo.members.count) chosen designs, front of "
                + "\(value.zoo.front.count), \(references.count) reference points")
        let measured = references.filter(\.measured).map {
            "\($0.name): " + NumberFormat.fixed($0.accuracy * 100, 1) + "%, " + ZooValue.latencyText($0.latencySeconds)
        }
        if !measured.isEmpty { shell.console.print("  measured in the engine: " + measured.joined(separator: "; ")) }
    }

    /// A reference point given as NAME:ACCURACY%:LATENCY.
    static func typedReference(_ text: String, call: Invocation) throws -> ReferencePoint {
        let fields = text.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
        guard fields.count == 3, !fields[0].isEmpty, let accuracy = Double(fields[1]), (0...100).contains(accuracy),
            let latency = Units.parse(fields[2], units: Units.durations), latency > 0
        else {
            throw call.error(
                "'\(text)' is not NAME:ACCURACY%:LATENCY (e.g. dgcnn:91.2:850ms) nor a model's name", at: "refs")
        }
        return ReferencePoint(name: fields[0], accuracy: accuracy / 100, latencySeconds: latency)
    }
}
