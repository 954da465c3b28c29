import Design
import GNN
import Search
import Tensor

/// `zoo retrain Z on DATA epochs=N [mode=scratch|finetune] ... as Z2`: every member of a zoo trained again
/// (the `train` path of architecture models), its weights replaced and both accuracies kept.
struct ZooRetrainCommand: Command {
    static let spec = CommandSpec(
        name: "zoo retrain", group: .search, summary: "Retrain or fine-tune every zoo member; keep both accuracies",
        arguments: [
            .positional("zoo", .name, "a zoo (from search or load ZOO.h5)"),
            ArgumentSpec(
                "on", .marked("on"), .name, .required, "the data: trains on train, evaluates on test (else all)"),
            .key("epochs", .integer, .value("10"), "passes over the training clouds per member"),
            .key(
                "mode", .choice(ZooRetraining.Mode.allCases.map(\.rawValue)), .value("scratch"),
                "scratch: fresh weights; finetune: from the inherited (extracted) weights"),
            .key("batch", .integer, .value("16"), "clouds per step (at least 2; a last partial batch is dropped)"),
            .key("optimizer", .choice(["adam", "sgd"]), .value("adam"), "adam, or sgd with momentum 0.9"),
            .key(
                "lr", .number, .derived("0.001 for adam, 0.1 for sgd", TrainCommand.defaultRate),
                "initial learning rate (cosine schedule to 1/100 of it)"),
            .key("seed", .integer, .setting("seed"), "seed of the initial weights, shuffling, augmentation, dropout"),
            .resultName(.derived("the zoo's name", ZooRetrainCommand.defaultName), "session name of the result"),
        ],
        examples: [
            "zoo retrain z on shapes epochs=20 as z2", "zoo retrain z on shapes epochs=3 mode=finetune lr=0.0005",
        ],
        records: true,
        details: """
            Trains every member that has weights as `train` trains an architecture model (same loop, optimiser,
            cosine schedule and the augmentation the zoo records), from fresh weights seeded by seed=
            (mode=scratch) or from the member's inherited weights (mode=finetune), then evaluates it on the
            test split. The member's weights are replaced (the exported file and the engine run them); its
            inherited-weight accuracy stays beside the retrained one, with the mode, epochs, batch, rate and
            seed: `show Z` prints both. Measured latency and energy stay: the architecture and its mapping, so
            the work per request, do not change.
            """)

    static let defaultName: @Sendable ([String: Value]) -> Value? = { arguments in arguments["zoo"] }

    static func run(_ call: Invocation, in shell: Shell) throws {
        let session = shell.session
        let zooName = call.text("zoo") ?? ""
        var value = try session.value(zooName, as: ZooValue.self, for: call, argument: "zoo")
        let data = try TrainingData.resolve(call, argument: "on", in: session)
        let space = value.zoo.space
        guard data.classCount <= space.classes, data.train.pointsPerCloud == space.pointsPerCloud else {
            throw call.error(
                "the data has \(data.classCount) classes × \(data.train.pointsPerCloud) points, the zoo's space "
                    + "\(space.classes) classes × \(space.pointsPerCloud) points: retrain on the data searched on",
                at: "on")
        }
        let (epochs, batch, rate) = (call.integer("epochs"), call.integer("batch"), call.number("lr"))
        guard epochs >= 1 else { throw call.error("epochs=\(epochs): train at least 1 epoch", at: "epochs") }
        guard batch >= 2 else { throw call.error("batch=\(batch): BatchNorm needs at least 2 clouds", at: "batch") }
        guard data.train.count >= batch else {
            throw call.error(
                "the training set has \(data.train.count) clouds, fewer than one batch of \(batch)", at: "batch")
        }
        guard rate > 0 else {
            throw call.error("lr=\(Value.format(rate)): the learning rate must be above 0", at: "lr")
        }
        let mode = ZooRetraining.Mode(rawValue: call.text("mode") ?? "") ?? .scratch
        let seed = call.seed()
        var options = TrainingOptions(
            epochs: epochs, batchSize: batch,
            optimizer: OptimizerText.choice(call.text("optimizer") ?? "adam", learningRate: rate),
            minimumLearningRate: Float(rate / 100), seed: seed, threads: shell.threads)
        options.augmentation = value.input.augmentation
        let name = call.text("as") ?? zooName
        let members = value.zoo.members.filter { mode == .scratch || value.models[$0.name] != nil }
        guard !members.isEmpty else {
            throw call.error("no member of '\(zooName)' carries weights to fine-tune: use mode=scratch", at: "mode")
        }
        if value.input.classNames.isEmpty { value.input.classNames = data.classNames }
        for member in members {
            try shell.cancellation.check()
            let start: ArchitectureModel
            if mode == .finetune, let inherited = value.models[member.name] {
                start = inherited
            } else {
                var generator = SeededGenerator(seed: seed)
                start = try ArchitectureModel(
                    member.architecture, space: space, dropout: value.models[member.name]?.dropout ?? 0.5,
                    generator: &generator)
            }
            var model = ModelValue(.architecture(start), classNames: data.classNames, points: space.pointsPerCloud)
            do {
                _ = try model.train(
                    on: data.train, options: options, progress: shell.progress("retrain \(member.name)"),
                    cancellation: shell.cancellation)
            } catch let diverged as TrainingDiverged {
                throw call.error(
                    "\(member.name): " + diverged.description + " (" + TrainCommand.smallerRateHint(rate) + ")",
                    at: "lr")
            }
            let result = try model.evaluate(
                on: data.evaluation, threads: shell.threads, progress: shell.progress("test \(member.name)"),
                cancellation: shell.cancellation)
            guard case .architecture(let trained) = model.network else { continue }
            let record = ZooRetraining(
                mode: mode, epochs: epochs, seed: seed, batch: batch, learningRate: rate,
                accuracy: result.overallAccuracy, meanClassAccuracy: result.meanClassAccuracy, loss: result.loss)
            value.models[member.name] = trained
            value.retrained[member.name] = record
            shell.console.print(
                "  \(member.name): " + NumberFormat.fixed(member.score.accuracy * 100, 1) + "% inherited → "
                    + NumberFormat.fixed(record.accuracy * 100, 1) + "% retrained (\(record.recipe))")
        }
        session.define(name, value)
        shell.console.print(
            "\(name): \(members.count) of \(value.zoo.members.count) members retrained (\(mode.rawValue)) on "
                + "\(data.train.count) clouds, evaluated on \(data.evaluation.count)")
    }
}
