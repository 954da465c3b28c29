import CoInference
import Predictor
import Systems
import Tensor

/// `predictor eval P on M [plot=FILE.svg]`: GIN and LUT estimate side by side on a measurement.
struct PredictorEvalCommand: Command {
    static let spec = CommandSpec(
        name: "predictor eval", group: .performance, summary: "Judge a predictor and the LUT estimate on measurements",
        arguments: [
            .positional("predictor", .name, "the predictor (from `predictor train`)"),
            ArgumentSpec("on", .marked("on"), .name, .required, "a measurement of held-out architectures"),
            .key("plot", .path, .optional, "write an SVG scatter (predicted vs measured, ±10 % band) here"),
        ],
        examples: ["predictor eval p on held", "predictor eval p on held plot=out/p.svg"],
        records: false,
        details: """
            Prints MAPE, the share within ±10 % and ±20 %, and Kendall τ of the LUT estimate and the GIN on every
            record of the measurement, then the same per bandwidth (a bandwidth not in training shows how the
            predictor generalises), and the measurement's noise floor. Held-out means other architectures: measure
            them with another seed (in a small space a few may coincide with training ones).
            """)

    static func run(_ call: Invocation, in shell: Shell) throws {
        let session = shell.session
        let predictor = try session.value(
            call.text("predictor") ?? "", as: PredictorValue.self, for: call, argument: "predictor")
        let measurementName = call.text("on") ?? ""
        let measurement = try session.value(measurementName, as: EngineMeasurement.self, for: call, argument: "on")
        let target = predictor.model.target
        let data = try PredictorData.samples(measurement, table: predictor.table, target: target)
        let report = try predictor.model.evaluate(
            data.samples, baseline: data.lut, title: measurementName, threads: shell.threads)
        var lines = [report.table]
        for bandwidth in measurement.bandwidths {
            let chosen = measurement.records.indices.filter { measurement.records[$0].megabitsPerSecond == bandwidth }
            guard chosen.count >= 2, measurement.bandwidths.count > 1 else { continue }
            let part = try EvaluationReport(
                target: target,
                title: "\(measurementName) at \(Value.format(bandwidth)) Mbit/s"
                    + (predictor.trainedBandwidths.contains(bandwidth) ? "" : ", a bandwidth not in training"),
                measured: chosen.map { data.samples[$0].target }, gin: chosen.map { report.gin[$0] },
                baseline: chosen.map { data.lut[$0] })
            lines.append(part.table)
        }
        let floor = target == .latency ? measurement.noiseFloor.latency : measurement.noiseFloor.energy
        lines.append("noise floor of \(measurementName) (\(target)): " + NumberFormat.fixed(floor * 100, 2) + " %")
        if let plot = call.text("plot") {
            let path = session.resolvePath(plot)
            try AtomicFile.createParentDirectory(of: path)
            try report.writeSVG(to: path, logarithmic: true)
            lines.append("wrote \(plot)")
        }
        shell.console.print(lines.joined(separator: "\n\n"))
    }
}
