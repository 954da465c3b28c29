import HDF5

/// `pair TRAIN TEST as NAME`: two loaded sets of point clouds as train and test splits.
struct PairCommand: Command {
    static let spec = CommandSpec(
        name: "pair", group: .data, summary: "Pair two sets of point clouds as train and test splits",
        arguments: [
            .positional("train", .name, "the training clouds"),
            .positional("test", .name, "the test clouds"),
            .resultName(.value("splits"), "session name of the splits"),
        ],
        examples: ["pair tr te as mn"],
        records: true,
        details: "Both need the same points per cloud; class names, when both have them, must agree.")

    static func run(_ call: Invocation, in shell: Shell) throws {
        let session = shell.session
        var train = try session.value(call.text("train") ?? "", as: PointCloudSet.self, for: call, argument: "train")
        var test = try session.value(call.text("test") ?? "", as: PointCloudSet.self, for: call, argument: "test")
        guard train.pointsPerCloud == test.pointsPerCloud else {
            throw call.error(
                "the training clouds have \(train.pointsPerCloud) points, the test clouds \(test.pointsPerCloud); "
                    + "load or make both with the same points", at: "test")
        }
        if !train.classNames.isEmpty && !test.classNames.isEmpty && train.classNames != test.classNames {
            throw call.error("the two sets name their classes differently", at: "test")
        }
        if train.classNames.isEmpty { train.classNames = test.classNames }
        if test.classNames.isEmpty { test.classNames = train.classNames }
        let value = PointCloudSplits(train: train, test: test)
        let name = call.text("as") ?? "splits"
        session.define(name, value)
        shell.console.print("\(name): \(value.kindName), \(value.summary)")
    }
}
