import Design
import GNN

/// `supernet new [in SPACE] [...] seed=S as NAME`: a freshly initialised supernet for a design space.
struct SupernetNewCommand: Command {
    /// Design's own defaults, so that the command and the API never disagree.
    private static let defaults = SupernetOptions()

    static let spec = CommandSpec(
        name: "supernet new", group: .design, summary: "Create a supernet holding the weights of a whole space",
        arguments: [
            SpaceArgument.spec,
            .key(
                "epochs", .integer, .value("\(defaults.training.epochs)"),
                "planned epochs: the length of the learning-rate schedule"),
            .key(
                "batch", .integer, .value("\(defaults.training.batchSize)"),
                "clouds per step (one sampled architecture per step)"),
            .key("optimizer", .choice(["adam", "sgd"]), .value("adam"), "adam, or sgd with momentum 0.9"),
            .key(
                "lr", .number, .derived("0.001 for adam, 0.1 for sgd", TrainCommand.defaultRate),
                "initial learning rate"),
            .key("dropout", .number, .value("\(defaults.dropout)"), "dropout in the head"),
            .key(
                "calibration", .integer, .value("\(defaults.calibrationBatches)"),
                "training batches that recalibrate BatchNorm before a score"),
            .key("seed", .integer, .setting("seed"), "seed of the weights and of sampling, shuffling, augmentation"),
            .resultName(.value("supernet"), "session name of the supernet"),
        ],
        examples: ["supernet new in s epochs=2 batch=8 as sn", "supernet new seed=3 as big"], records: true,
        details: "The options are the supernet's own: they are saved with it, and a resumed run keeps them.")

    static func run(_ call: Invocation, in shell: Shell) throws {
        let space = try SpaceArgument.resolve(call, in: shell.session)
        let epochs = call.integer("epochs")
        guard epochs >= 1 else { throw call.error("epochs=\(epochs): plan at least 1 epoch", at: "epochs") }
        let batch = call.integer("batch")
        guard batch >= 2 else { throw call.error("batch=\(batch): BatchNorm needs at least 2 clouds", at: "batch") }
        let dropout = call.number("dropout")
        guard (0..<1).contains(dropout) else { throw call.error("dropout=\(dropout): use 0 to below 1", at: "dropout") }
        let lr = call.number("lr")
        guard lr > 0 else { throw call.error("lr=\(Value.format(lr)): the learning rate must be above 0", at: "lr") }
        let training = TrainingOptions(
            epochs: epochs, batchSize: batch,
            optimizer: OptimizerText.choice(call.text("optimizer") ?? "adam", learningRate: lr),
            minimumLearningRate: Float(lr / 100), seed: call.seed())
        let options = SupernetOptions(
            training: training, dropout: Float(dropout), calibrationBatches: max(1, call.integer("calibration")))
        let supernet: Supernet
        do {
            supernet = try Supernet(space: space, options: options)
        } catch {
            throw call.error(error.description, at: call["in"] == nil ? nil : "in")
        }
        let value = SupernetValue(supernet)
        let name = call.text("as") ?? "supernet"
        shell.session.define(name, value)
        shell.console.print("\(name): \(value.kindName), \(value.summary)")
    }
}
