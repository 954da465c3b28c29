import Design
import GNN
import Tensor

/// `train MODEL on DATA ... as NAME`: trains a new DGCNN, PointNet or architecture model, or continues
/// training a model of the session.
struct TrainCommand: Command {
    static let spec = CommandSpec(
        name: "train", group: .model, summary: "Train a DGCNN, PointNet or architecture model on point clouds",
        arguments: [
            .positional("model", .text, "dgcnn, pointnet, an architecture (from scratch) or a model (continues)")
                .completing(.words(["dgcnn", "pointnet"])),
            ArgumentSpec(
                "on", .marked("on"), .name, .required, "the data: point-cloud splits (tests on test) or clouds"),
            .key("epochs", .integer, .value("10"), "passes over the training clouds"),
            .key("batch", .integer, .value("16"), "clouds per step (at least 2; a last partial batch is dropped)"),
            .key("optimizer", .choice(["adam", "sgd"]), .value("adam"), "adam, or sgd with momentum 0.9"),
            .key(
                "lr", .number, .derived("0.001 for adam, 0.1 for sgd", TrainCommand.defaultRate),
                "initial learning rate"),
            .key("points", .integer, .optional, "use only the first N points of every cloud (all if left out)"),
            .key("k", .integer, .optional, "DGCNN's neighbours per node (20 if left out)"),
            ArchitectureArgument.indexSpec,
            .key("seed", .integer, .setting("seed"), "seed of the initial weights, shuffling, augmentation, dropout"),
            .resultName(
                .derived("the model's name, or 'model'", TrainCommand.defaultName), "session name of the model"),
        ],
        examples: [
            "train dgcnn on shapes epochs=2 as m", "train pointnet on toy epochs=3 batch=8 points=64 as p",
            "train m on shapes epochs=1",
        ],
        records: true,
        details: """
            Prints one line per epoch as it ends (mean loss, accuracy on the augmented training batches, test
            accuracy when the data has a test split, seconds, and the time left while progress shows), then the
            test accuracy. The learning rate follows a cosine schedule to 1/100 of
            its start. Training an architecture (from `arch parse`, `arch sample`) starts from fresh weights;
            training a model continues from its weights (fine-tuning, e.g. after `extract`).
            """)

    static let defaultRate: @Sendable ([String: Value]) -> Value? = { arguments in
        .number(arguments["optimizer"]?.textValue == "sgd" ? 0.1 : 0.001)
    }

    static let defaultName: @Sendable ([String: Value]) -> Value? = { arguments in
        guard let model = arguments["model"]?.textValue, !["dgcnn", "pointnet"].contains(model),
            Resolver.isValidName(model)
        else { return .text("model") }
        return .text(model)
    }

    static func run(_ call: Invocation, in shell: Shell) throws {
        let session = shell.session
        let points = call["points"]?.integerValue
        if let points, points < 2 {
            throw call.error("points=\(points): a cloud needs at least 2 points", at: "points")
        }
        let data = try TrainingData.resolve(call, argument: "on", in: session).keepingPoints(points)
        var model = try makeModel(call, data: data, in: session)
        let batch = call.integer("batch")
        guard batch >= 2 else { throw call.error("batch=\(batch): BatchNorm needs at least 2 clouds", at: "batch") }
        guard data.train.count >= batch else {
            throw call.error(
                "the training set has \(data.train.count) clouds, fewer than one batch of \(batch)", at: "batch")
        }
        let epochs = call.integer("epochs")
        guard epochs >= 1 else { throw call.error("epochs=\(epochs): train at least 1 epoch", at: "epochs") }
        let rate = call.number("lr")
        guard rate > 0 else {
            throw call.error("lr=\(Value.format(rate)): the learning rate must be above 0", at: "lr")
        }
        let nodes = data.train.pointsPerCloud
        let neighbours = neighbourCount(model)
        guard neighbours < nodes else {
            throw call.error("k=\(neighbours) neighbours need more than \(nodes) points per cloud", at: "on")
        }
        let options = TrainingOptions(
            epochs: epochs, batchSize: batch,
            optimizer: OptimizerText.choice(call.text("optimizer") ?? "adam", learningRate: call.number("lr")),
            minimumLearningRate: Float(call.number("lr") / 100), seed: call.seed(), threads: shell.threads)
        let name = call.text("as") ?? "model"
        shell.console.print(
            "\(name): \(model.kind), \(model.store.parameterCount) parameters, \(data.train.count) clouds × \(nodes) "
                + "points, \(epochs) epoch\(epochs == 1 ? "" : "s") of "
                + NumberFormat.count(data.train.count / batch, "step"))
        model.points = nodes
        model.recipe = TrainingRecipe(
            optimizer: call.text("optimizer") ?? "adam", learningRate: rate, minimumLearningRate: rate / 100,
            epochs: epochs, batch: batch, seed: Int64(bitPattern: call.seed()))
        if model.classNames.isEmpty { model.classNames = data.classNames }
        let total = model.history.count + epochs
        let clock = ContinuousClock()
        let start = clock.now
        do {
            _ = try model.train(
                on: data.train, options: options, progress: shell.progress("train \(name)"),
                cancellation: shell.cancellation
            ) { report, current in
                var line = epochLine(report, of: total)
                if let test = data.test {
                    let result = try current.evaluate(
                        on: test, threads: shell.threads, progress: .silent, cancellation: shell.cancellation)
                    line += "  test " + NumberFormat.fixed(result.overallAccuracy * 100, 1) + "%"
                }
                let done = report.epoch - (total - epochs)
                if shell.console.showsProgress, let eta = eta(since: start, now: clock.now, done: done, of: epochs) {
                    line += "  ETA " + eta
                }
                shell.console.print(line)
            }
        } catch let diverged as TrainingDiverged {
            session.define(name, model)
            throw call.error(diverged.description + " (" + smallerRateHint(rate) + ")", at: "lr")
        }
        session.define(name, model)
        if let test = data.test {
            let result = try model.evaluate(
                on: test, threads: shell.threads, progress: shell.progress("test \(name)"),
                cancellation: shell.cancellation)
            shell.console.print("\(name): " + EvalCommand.describe(result, on: "test"))
        }
    }

    /// The time left after `done` of `total` epochs that took since `start`, as `42s`; nil when none is left.
    static func eta(since start: ContinuousClock.Instant, now: ContinuousClock.Instant, done: Int, of total: Int)
        -> String?
    {
        guard done > 0, done < total else { return nil }
        let elapsed = now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let left = seconds / Double(done) * Double(total - done)
        guard left.isFinite, left < 1e9 else { return nil }
        return ProgressRenderer.duration(left)
    }

    /// `lr=0.1 or less`: a tenth of `rate`, for the error of a diverged run.
    static func smallerRateHint(_ rate: Double) -> String {
        "try lr=\(Value.format(rate / 10)) or less"
    }

    /// `epoch 2/3  loss 1.234  train 56.2%  0.52s`.
    static func epochLine(_ report: EpochReport, of total: Int) -> String {
        "epoch \(report.epoch)/\(total)  loss " + NumberFormat.fixed(report.loss, 3) + "  train "
            + NumberFormat.fixed(report.trainAccuracy * 100, 1) + "%  " + NumberFormat.fixed(report.seconds, 2) + "s"
    }

    /// The model to train: a new baseline, a fresh model of an architecture, or a copy of a session model.
    static func makeModel(_ call: Invocation, data: TrainingData, in session: Session) throws -> ModelValue {
        let modelName = call.text("model") ?? ""
        var generator = SeededGenerator(seed: call.seed())
        let classes = data.classCount
        switch modelName {
        case "dgcnn":
            let k = call["k"]?.integerValue ?? 20
            guard k >= 1 else { throw call.error("k=\(k): at least 1 neighbour", at: "k") }
            let configuration = DGCNN.Configuration(classes: classes, k: k)
            return ModelValue(
                .baseline(.dgcnn(DGCNN(configuration, generator: &generator))), classNames: data.classNames)
        case "pointnet":
            if call["k"] != nil { throw call.error("k= is DGCNN's; PointNet builds no graph", at: "k") }
            let configuration = PointNet.Configuration(classes: classes)
            return ModelValue(
                .baseline(.pointNet(PointNet(configuration, generator: &generator))), classNames: data.classNames)
        default:
            break
        }
        guard let value = session.value(named: modelName) else {
            throw call.error(
                "unknown model '\(modelName)': expected dgcnn, pointnet, an architecture or a model"
                    + Suggestions.hint(for: modelName, in: ["dgcnn", "pointnet"] + session.names), at: "model")
        }
        if call["k"] != nil { throw call.error("k= only applies to a new dgcnn", at: "k") }
        if value is ArchitectureValue || value is ArchitectureList {
            let chosen = try ArchitectureArgument.resolve(call, argument: "model", in: session)
            guard classes == chosen.space.classes else {
                throw call.error(
                    "the data has \(classes) classes, the space '\(chosen.space.name)' \(chosen.space.classes) classes "
                        + "(its head's size); define the space with classes=\(classes)", at: "on")
            }
            let model = try ArchitectureModel(chosen.architecture, space: chosen.space, generator: &generator)
            return ModelValue(.architecture(model), classNames: data.classNames)
        }
        guard let model = value as? ModelValue else {
            throw call.error(
                "'\(modelName)' is \(value.kindName), expected dgcnn, pointnet, an architecture or a model", at: "model"
            )
        }
        if call["index"] != nil { throw call.error("index= picks from a list of architectures", at: "index") }
        guard classes == model.classes else {
            throw call.error(
                "the data has \(classes) classes, the model '\(modelName)' a head of \(model.classes) classes; "
                    + "train a new model on this data", at: "on")
        }
        return model
    }

    /// The kNN neighbours the model needs (0 when it builds no graph).
    static func neighbourCount(_ model: ModelValue) -> Int {
        switch model.network {
        case .baseline(.dgcnn(let m)): return m.configuration.k
        case .baseline(.pointNet): return 0
        case .architecture(let m): return m.architecture.operations.contains(.knn) ? m.space.k : 0
        }
    }
}
