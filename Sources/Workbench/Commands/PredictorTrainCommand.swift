import CoInference
import Predictor
import Systems
import Tensor

/// `predictor train on M with T [target=latency|energy] [mode=residual|absolute] [members=N] [epochs=N] [patience=N] [hidden=N] [seed=N] [file=PATH] as P`.
struct PredictorTrainCommand: Command {
    static let spec = CommandSpec(
        name: "predictor train", group: .performance, summary: "Train the GIN latency or energy predictor",
        arguments: [
            ArgumentSpec("on", .marked("on"), .name, .required, "the measurement (from `measure`)"),
            ArgumentSpec("with", .marked("with"), .name, .required, "the cost table (from `profile`) for node costs"),
            .key("target", .choice(PredictionTarget.allCases.map(\.rawValue)), .value("latency"), "what to predict"),
            .key(
                "mode", .choice(PredictorMode.allCases.map(\.rawValue)), .value("residual"),
                "learn a correction of the LUT estimate (residual) or the figure itself (absolute)"),
            .key("members", .integer, .value("1"), "networks from different seeds on the same split, outputs averaged"),
            .key("epochs", .integer, .value("300"), "at most this many epochs (early stopping on validation)"),
            .key("patience", .integer, .value("40"), "stop after this many epochs without a better validation MAPE"),
            .key("hidden", .integer, .value("64"), "hidden width of the GIN"),
            .key("seed", .integer, .setting("seed"), "seed of the initialisation, split and shuffling"),
            .key("file", .path, .optional, "also save the model to this HDF5 file"),
            .resultName(.value("predictor"), "session name of the predictor"),
        ],
        examples: ["predictor train on m with t as p", "predictor train on m with t target=energy epochs=100 as pe"],
        records: true,
        details: """
            One graph per measured (architecture, bandwidth): global, input, positions, head layers, output
            nodes; node features include the op's cost on its side looked up in the cost table (`with T`, which
            must be profiled on the measurement's system and space; the predictor keeps it, so `predict` and
            `predictor eval` use the same costs) and the payload bytes and bandwidth at communicates. A 3-layer
            GIN with an MLP regressor, MAPE loss, Adam with a cosine schedule; 20 % of the measured architectures
            (all their bandwidths) are held out for early stopping (patience= epochs without improvement; raise
            it with the epochs). mode=residual (the default) predicts LUT estimate × a learned correction, so
            the GIN starts from the LUT's ranking and learns its bias; mode=absolute predicts the figure.
            members=N trains N networks from different initialisations on the same split and averages their
            outputs (N times the training time). Evaluate on another measurement with `predictor eval`.
            """)

    static func run(_ call: Invocation, in shell: Shell) throws {
        let session = shell.session
        let measurementName = call.text("on") ?? ""
        let measurement = try session.value(measurementName, as: EngineMeasurement.self, for: call, argument: "on")
        let table = try session.value(call.text("with") ?? "", as: CostTable.self, for: call, argument: "with")
        let target = PredictionTarget(rawValue: call.text("target") ?? "latency") ?? .latency
        let epochs = call.integer("epochs", default: 300)
        guard (1...100_000).contains(epochs) else { throw call.error("epochs=\(epochs): 1 to 100000", at: "epochs") }
        let hidden = call.integer("hidden", default: 64)
        guard (1...4096).contains(hidden) else { throw call.error("hidden=\(hidden): 1 to 4096", at: "hidden") }
        let members = call.integer("members", default: 1)
        guard (1...32).contains(members) else { throw call.error("members=\(members): 1 to 32", at: "members") }
        let patience = call.integer("patience", default: 40)
        guard patience >= 1 else { throw call.error("patience=\(patience): at least 1", at: "patience") }
        let mode = PredictorMode(rawValue: call.text("mode") ?? "residual") ?? .residual
        let data = try PredictorData.samples(measurement, table: table, target: target)
        let options = PredictorTrainingOptions(
            network: GINNetwork(hiddenWidth: hidden), epochs: epochs, patience: patience, seed: call.seed(),
            threads: shell.threads, mode: mode, members: members)
        let start = MonotonicClock.now()
        let result = try PredictorTraining.train(
            data.samples, target: target, options: options, groups: measurement.records.map(\.index))
        let seconds = MonotonicClock.now() - start
        let best = result.history.first { $0.epoch == result.bestEpoch }?.validationMAPE ?? 0
        let value = PredictorValue(
            model: result.model, table: table, trainedOn: measurementName, bestEpoch: result.bestEpoch,
            validationMAPE: best, trainedBandwidths: measurement.bandwidths)
        if let file = call.text("file") {
            let path = session.resolvePath(file)
            try AtomicFile.createParentDirectory(of: path)
            try result.model.save(to: path)
        }
        let name = call.text("as") ?? "predictor"
        session.define(name, value)
        shell.console.print(
            "\(name): \(value.summary)\n  \(data.samples.count) graphs, \(result.history.count) epochs in "
                + SummaryText.duration(seconds) + ", kept epoch \(result.bestEpoch)")
    }
}
