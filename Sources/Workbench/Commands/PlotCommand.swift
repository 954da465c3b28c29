import Search
import Tensor

/// `plot Z to FILE.svg [refs=NAME:ACC:LATENCY,...]`: a zoo's Pareto front as an SVG.
struct PlotCommand: Command {
    static let spec = CommandSpec(
        name: "plot", group: .search, summary: "Draw a zoo's accuracy × latency Pareto front as SVG",
        arguments: [
            .positional("zoo", .name, "a zoo made by search"),
            ArgumentSpec("to", .marked("to"), .path, .required, "the SVG file written"),
            .key("refs", .text, .optional, "reference points NAME:ACCURACY%:LATENCY, comma-separated"),
        ],
        examples: ["plot z to out/zoo.svg", "plot z to out/zoo.svg refs=dgcnn:91.2:850ms,pointnet:86:120ms"],
        records: false,
        details: """
            x = predicted latency, y = inherited-weight accuracy; each bandwidth's front as a step line, the best
            design per target ringed. Reference points are figures you measured (e.g. `coinfer MODEL on DATA`
            for latency, `eval` for accuracy), drawn as labelled diamonds.
            """)

    static func run(_ call: Invocation, in shell: Shell) throws {
        let session = shell.session
        let value = try session.value(call.text("zoo") ?? "", as: ZooValue.self, for: call, argument: "zoo")
        let references = try (call.text("refs") ?? "").split(separator: ",").map { part -> ReferencePoint in
            let fields = part.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == 3, !fields[0].isEmpty, let accuracy = Double(fields[1]), (0...100).contains(accuracy),
                let latency = Units.parse(fields[2], units: Units.durations), latency > 0
            else {
                throw call.error("'\(part)' is not NAME:ACCURACY%:LATENCY (e.g. dgcnn:91.2:850ms)", at: "refs")
            }
            return ReferencePoint(name: fields[0], accuracy: accuracy / 100, latencySeconds: latency)
        }
        let path = session.resolvePath(call.text("to") ?? "")
        try AtomicFile.createParentDirectory(of: path)
        try ParetoPlot(zoo: value.zoo, references: references).write(to: path)
        shell.console.print(
            "wrote \(call.text("to") ?? path): \(value.zoo.members.count) chosen designs, front of "
                + "\(value.zoo.front.count), \(references.count) reference points")
    }
}
