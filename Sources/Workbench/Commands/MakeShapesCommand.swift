import HDF5

/// `make shapes ... as NAME`: generates the procedural shapes data set (train and test splits).
struct MakeShapesCommand: Command {
    static let spec = CommandSpec(
        name: "make shapes", group: .data,
        summary: "Generate the procedural shapes point-cloud data set (train and test splits)",
        arguments: [
            .key("classes", .text, .value("all"), "all, a count N (the first N classes) or names joined by commas")
                .completing(.words(["all"] + ShapeClass.allCases.map(\.name))),
            .key("train", .integer, .value("100"), "training clouds per class"),
            .key("test", .integer, .value("25"), "test clouds per class"),
            .key("points", .integer, .value("1024"), "points per cloud"),
            .key("noise", .number, .value("0.01"), "Gaussian jitter of every coordinate"),
            .key("jitter", .number, .value("0.2"), "anisotropic scale jitter, in 0..<1"),
            .key("deform", .number, .value("0.15"), "random taper and bend strength, in 0...1"),
            .key("rotation", .choice(["none", "z", "full"]), .value("z"), "rotation of each cloud"),
            .key("seed", .integer, .setting("seed"), "seed of the whole set"),
            .resultName(.value("shapes")),
        ],
        examples: ["make shapes classes=4 train=8 test=4 points=128 as toy", "make shapes as shapes"], records: true,
        details: "Classes: " + ShapeClass.allCases.map(\.name).joined(separator: ", ")
            + ". The same arguments give the same clouds, bit for bit.")

    static func run(_ call: Invocation, in shell: Shell) throws {
        let configuration = ShapesConfiguration(
            classes: try classes(call), trainPerClass: call.integer("train"), testPerClass: call.integer("test"),
            points: call.integer("points"), noise: Float(call.number("noise")),
            scaleJitter: Float(call.number("jitter")),
            deformation: Float(call.number("deform")),
            rotation: ShapesConfiguration.Rotation(rawValue: call.text("rotation") ?? "z") ?? .aboutZ,
            seed: call.seed())
        if let problem = configuration.problem { throw call.error("cannot make shapes: \(problem)") }
        try shell.cancellation.check()
        let data = try ShapesDataset(configuration)
        let value = PointCloudSplits(train: data.train, test: data.test)
        let name = call.text("as") ?? "shapes"
        shell.session.define(name, value)
        shell.console.print("\(name): \(value.kindName), \(value.summary)")
    }

    /// The classes `classes=` names.
    static func classes(_ call: Invocation) throws -> [ShapeClass] {
        let text = call.text("classes") ?? "all"
        let all = ShapeClass.allCases
        if text == "all" { return all }
        if let count = Int(text) {
            guard (1...all.count).contains(count) else {
                throw call.error("classes=\(count): there are 1 to \(all.count) classes", at: "classes")
            }
            return Array(all.prefix(count))
        }
        return try text.split(separator: ",").map { part in
            guard let found = ShapeClass(name: String(part)) else {
                throw call.error(
                    "unknown class '\(part)'\(Suggestions.hint(for: String(part), in: all.map(\.name)))", at: "classes")
            }
            return found
        }
    }
}
