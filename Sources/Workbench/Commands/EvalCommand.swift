import GNN

/// `eval MODEL on DATA`: overall and mean class accuracy of a model.
struct EvalCommand: Command {
    static let spec = CommandSpec(
        name: "eval", aliases: ["evaluate"], group: .model, summary: "Accuracy of a model on point clouds",
        arguments: [
            .positional("model", .name, "the model"),
            ArgumentSpec("on", .marked("on"), .name, .required, "point-cloud splits (uses test) or clouds"),
            .key("points", .integer, .optional, "use the first N points of every cloud (the model's if left out)"),
        ],
        examples: ["eval m on shapes", "eval m on test points=256"], records: false,
        details: "Runs the model in evaluation mode (BatchNorm running statistics, no dropout, no augmentation).")

    static func run(_ call: Invocation, in shell: Shell) throws {
        let name = call.text("model") ?? ""
        let model = try shell.session.value(name, as: ModelValue.self, for: call, argument: "model")
        var data = try TrainingData.resolve(call, argument: "on", in: shell.session)
        let points = call["points"]?.integerValue ?? (model.points > 0 ? model.points : nil)
        data = data.keepingPoints(points)
        guard data.classCount <= model.classes else {
            throw call.error("the data has \(data.classCount) classes, the model only \(model.classes)", at: "on")
        }
        let neighbours = TrainCommand.neighbourCount(model)
        guard neighbours < data.evaluation.pointsPerCloud else {
            throw call.error(
                "the model's k=\(neighbours) needs more than \(data.evaluation.pointsPerCloud) points per cloud",
                at: "on")
        }
        let result = try model.evaluate(
            on: data.evaluation, threads: shell.threads, progress: shell.progress("eval \(name)"),
            cancellation: shell.cancellation)
        shell.console.print("\(name): " + describe(result, on: data.test == nil ? "all" : "test"))
    }

    /// `test 62.5% overall, 60.0% mean class, loss 1.234 (16 clouds)`.
    static func describe(_ result: Evaluation, on split: String) -> String {
        "\(split) " + NumberFormat.fixed(result.overallAccuracy * 100, 1) + "% overall, "
            + NumberFormat.fixed(result.meanClassAccuracy * 100, 1) + "% mean class, loss "
            + NumberFormat.fixed(result.loss, 3) + " (\(result.count) clouds)"
    }
}
