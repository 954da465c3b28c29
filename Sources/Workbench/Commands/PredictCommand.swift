import CoInference
import Design
import Predictor
import Systems

/// `predict ARCH on S with P [bandwidth=RATE]`: the LUT estimate and the GIN prediction of one architecture.
struct PredictCommand: Command {
    static let spec = CommandSpec(
        name: "predict", group: .performance, summary: "Predict an architecture's latency and energy on a system",
        arguments: [
            .positional("architecture", .name, "an architecture (or a list with index=)"),
            ArchitectureArgument.indexSpec,
            ArgumentSpec("on", .marked("on"), .name, .value("pi-i7"), "a system value or preset name (its link)"),
            ArgumentSpec("with", .marked("with"), .name, .required, "a predictor, or a cost table for the LUT alone"),
            .key("bandwidth", .bitrate, .optional, "link bandwidth (the system's if left out)"),
        ],
        examples: ["predict a on pi-i7 with p", "predict archs index=2 on s with t bandwidth=10mbit"],
        records: false,
        details: """
            The LUT estimate (the cost table's op times on their sides + the engine's frames at the bandwidth +
            one one-way delay per frame; device energy by the engine's accounting) with its parts, and the GIN's
            figure for the predictor's target. The cost table must come from the system's profile.
            """)

    static func run(_ call: Invocation, in shell: Shell) throws {
        let session = shell.session
        let chosen = try ArchitectureArgument.resolve(call, argument: "architecture", in: session)
        var system = try ProfileCommand.resolveSystem(call, argument: "on", in: shell)
        if let rate = call["bandwidth"]?.doubleValue {
            guard rate > 0 else { throw call.error("bandwidth must be above 0", at: "bandwidth") }
            system.link.megabitsPerSecond = rate / 1e6
        }
        let withName = call.text("with") ?? ""
        guard let value = session.value(named: withName) else {
            throw call.error("no value named '\(withName)'", at: "with")
        }
        let predictor = value as? PredictorValue
        guard let table = predictor?.table ?? (value as? CostTable) else {
            throw call.error("'\(withName)' is \(value.kindName), expected a predictor or a cost table", at: "with")
        }
        guard table.system.name == system.name, table.system.device.factor == system.device.factor else {
            throw call.error(
                "the cost table was profiled on \(table.system.name), not \(system.name): profile \(system.name)",
                at: "with")
        }
        let mapping: Mapping
        do {
            mapping = try chosen.architecture.mapping(in: chosen.space)
        } catch {
            throw ArchitectureArgument.scriptError(error, call: call, argument: "architecture")
        }
        let link = LinkProfile(megabitsPerSecond: system.link.megabitsPerSecond, delay: system.link.delay)
        let estimate = try LUTEstimate(mapping: mapping, table: table, link: link)
        let frames =
            estimate.frameBytes.isEmpty
            ? "no frames" : "frames " + estimate.frameBytes.map { SummaryText.bytes($0) }.joined(separator: ", ")
        var lines = [
            "\(chosen.architecture.text) on \(system.name) at \(Value.format(link.megabitsPerSecond)) Mbit/s",
            "  LUT estimate: latency " + SummaryText.duration(estimate.latency) + " (device "
                + SummaryText.duration(estimate.deviceSeconds) + ", edge " + SummaryText.duration(estimate.edgeSeconds)
                + ", uplink " + SummaryText.duration(estimate.uplinkSeconds) + ", downlink "
                + SummaryText.duration(estimate.downlinkSeconds) + "; " + frames + "), device energy "
                + SummaryText.energy(estimate.deviceJoules),
        ]
        if let predictor {
            let figure = try predictor.model.predict(
                mapping, costs: .lookup(table), megabitsPerSecond: link.megabitsPerSecond, threads: shell.threads)
            let text =
                predictor.model.target == .latency ? SummaryText.duration(figure) : SummaryText.energy(figure)
            lines.append("  GIN: \(predictor.model.target) \(text)")
        }
        shell.console.print(lines.joined(separator: "\n"))
    }
}
