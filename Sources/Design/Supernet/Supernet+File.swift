import GNN
import HDF5
import Tensor

extension Supernet {
    /// The value of the root `format` attribute of a supernet file.
    public static let fileFormat = "tandem-supernet"

    /// Writes the whole supernet to `path` atomically (temporary file, then rename): the format is HDF5 with
    /// root attributes `format` ("tandem-supernet"), `version` (1), the space (`space_*`), the options
    /// (`options_*`), `epoch`, `rng_state` (the generator's four words as int64 bit patterns), the history
    /// (`history_loss`, `history_accuracy`, `history_rate`, `history_seconds`) and the optimiser's step
    /// counts (`optimizer_names`, `optimizer_steps`); groups `/parameters`, `/buffers`, `/optimizer/first`,
    /// `/optimizer/second` hold the tensors by path (`/parameters/pos3/combine/weight`).
    public func save(to path: String) throws {
        do {
            try HDF5File.write(to: path) { file in
                try file.setAttribute("format", to: .string(Supernet.fileFormat))
                try file.setAttribute("version", to: .int(1))
                try space.writeAttributes(to: file)
                for (name, value) in options.attributes { try file.setAttribute(name, to: value) }
                try file.setAttribute("epoch", to: .int(Int64(epoch)))
                try file.setAttribute("rng_state", to: .ints(generator.savedState.map { Int64(bitPattern: $0) }))
                if !history.isEmpty {
                    try file.setAttribute("history_loss", to: .doubles(history.map(\.loss)))
                    try file.setAttribute("history_accuracy", to: .doubles(history.map(\.trainAccuracy)))
                    try file.setAttribute("history_rate", to: .doubles(history.map { Double($0.learningRate) }))
                    try file.setAttribute("history_seconds", to: .doubles(history.map(\.seconds)))
                }
                let names = optimizer.steps.keys.sorted()
                if !names.isEmpty {
                    try file.setAttribute("optimizer_names", to: .strings(names))
                    try file.setAttribute("optimizer_steps", to: .ints(names.map { Int64(optimizer.steps[$0] ?? 0) }))
                }
                try file.writeTensors(store.parameters, under: "/parameters")
                try file.writeTensors(store.buffers, under: "/buffers")
                try file.writeTensors(optimizer.first, under: "/optimizer/first")
                try file.writeTensors(optimizer.second, under: "/optimizer/second")
            }
        } catch let error as HDF5Error {
            throw DesignError.file(path: path, detail: "cannot save the supernet: \(error)")
        }
    }

    /// Whether `path` is an HDF5 file whose root `format` attribute says it is a supernet.
    public static func isSupernetFile(_ path: String) -> Bool {
        guard let value = try? HDF5File.read(path, { try $0.attributeIfPresent("format") }) else { return false }
        return value.stringValue == fileFormat
    }

    /// Reads a supernet written by `save`, checking every tensor's presence and shape against the layout
    /// the stored space implies.
    public static func load(_ path: String) throws -> Supernet {
        do {
            return try HDF5File.read(path) { file in
                guard try file.attributeIfPresent("format")?.stringValue == fileFormat else {
                    throw DesignError.file(
                        path: path, detail: "not a Tandem supernet (root attribute 'format' is not '\(fileFormat)')")
                }
                let space = try DesignSpace.read(from: file, path: path)
                let options = try SupernetOptions.read(from: file, path: path)
                let template = try Supernet(space: space, options: options)
                let parameters = try file.readTensors(under: "/parameters")
                let buffers = try file.readTensors(under: "/buffers")
                var store = template.store
                for (name, expected) in template.store.parameters {
                    store.parameters[name] = try tensor(
                        name, in: parameters, shape: expected.shape, path, "/parameters")
                }
                for (name, expected) in template.store.buffers {
                    store.buffers[name] = try tensor(name, in: buffers, shape: expected.shape, path, "/buffers")
                }
                var optimizer = SliceOptimizer(options.training.optimizer)
                if try file.exists("/optimizer/first") {
                    optimizer.first = try file.readTensors(under: "/optimizer/first")
                }
                if try file.exists("/optimizer/second") {
                    optimizer.second = try file.readTensors(under: "/optimizer/second")
                }
                let names = try file.attributeIfPresent("optimizer_names")?.stringsValue ?? []
                let counts = try file.attributeIfPresent("optimizer_steps")?.intsValue ?? []
                guard names.count == counts.count else {
                    throw DesignError.file(path: path, detail: "optimizer_names and optimizer_steps differ in length")
                }
                for (name, count) in zip(names, counts) { optimizer.steps[name] = Int(count) }
                let words = (try file.attributeIfPresent("rng_state")?.intsValue ?? []).map { UInt64(bitPattern: $0) }
                guard let generator = SeededGenerator(state: words) else {
                    throw DesignError.file(path: path, detail: "root attribute 'rng_state' must hold 4 integers")
                }
                let epoch = Int(try file.attributeIfPresent("epoch")?.intValue ?? 0)
                let history = try readHistory(file, path)
                return Supernet(
                    space: space, layout: template.layout, sampler: template.sampler, options: options, store: store,
                    optimizer: optimizer, generator: generator, epoch: epoch, history: history)
            }
        } catch let error as HDF5Error {
            throw DesignError.file(path: path, detail: "cannot load the supernet: \(error)")
        }
    }

    /// The tensor `name` of `tensors` with the expected shape, or an error naming the dataset.
    static func tensor(
        _ name: String, in tensors: [String: Tensor], shape: [Int], _ path: String, _ group: String
    ) throws -> Tensor {
        guard let found = tensors[name] else {
            throw DesignError.file(path: path, detail: "dataset '\(group)/\(name)' is missing")
        }
        guard found.shape == shape else {
            throw DesignError.file(
                path: path, detail: "dataset '\(group)/\(name)' has shape \(found.shape), expected \(shape)")
        }
        return found
    }

    private static func readHistory(_ file: HDF5File, _ path: String) throws -> [EpochReport] {
        let loss = try file.attributeIfPresent("history_loss")?.doublesValue ?? []
        let accuracy = try file.attributeIfPresent("history_accuracy")?.doublesValue ?? []
        let rate = try file.attributeIfPresent("history_rate")?.doublesValue ?? []
        let seconds = try file.attributeIfPresent("history_seconds")?.doublesValue ?? []
        guard accuracy.count == loss.count, rate.count == loss.count, seconds.count == loss.count else {
            throw DesignError.file(path: path, detail: "the history attributes differ in length")
        }
        return loss.indices.map {
            EpochReport(
                epoch: $0 + 1, loss: loss[$0], trainAccuracy: accuracy[$0], learningRate: Float(rate[$0]),
                seconds: seconds[$0])
        }
    }
}

extension SupernetOptions {
    /// The options as HDF5 attributes (prefix `options_`).
    var attributes: [(String, HDF5AttributeValue)] {
        let training = self.training
        let augmentation = training.augmentation
        var result: [(String, HDF5AttributeValue)] = [
            ("options_epochs", .int(Int64(training.epochs))),
            ("options_batch_size", .int(Int64(training.batchSize))),
            ("options_learning_rate", .double(Double(training.optimizer.learningRate))),
            ("options_minimum_learning_rate", .double(Double(training.minimumLearningRate))),
            ("options_label_smoothing", .double(Double(training.labelSmoothing))),
            ("options_dropout", .double(Double(dropout))),
            (
                "options_augmentation",
                .doubles(
                    [
                        augmentation.scale.lowerBound, augmentation.scale.upperBound, augmentation.shift,
                        augmentation.jitter, augmentation.jitterClip,
                    ].map { Double($0) })
            ),
            ("options_calibration_batches", .int(Int64(calibrationBatches))),
            ("options_fine_tune_steps", .int(Int64(fineTuneSteps))),
            ("options_seed", .int(Int64(bitPattern: training.seed))),
        ]
        switch training.optimizer {
        case .sgd(_, let momentum, let decay):
            result.append(("options_optimizer", .string("sgd")))
            result.append(("options_momentum", .double(Double(momentum))))
            result.append(("options_weight_decay", .double(Double(decay))))
        case .adam(_, let decay):
            result.append(("options_optimizer", .string("adam")))
            result.append(("options_weight_decay", .double(Double(decay))))
        }
        return result
    }

    /// The options stored in the root attributes of `file`.
    static func read(from file: HDF5File, path: String) throws -> SupernetOptions {
        let attributes = RootAttributes(file: file, path: path)
        func value(_ name: String) throws -> HDF5AttributeValue { try attributes.value(name) }
        func int(_ name: String) throws -> Int64 { try attributes.int(name) }
        func real(_ name: String) throws -> Float { try attributes.real(name) }
        let rate = try real("options_learning_rate")
        let decay = try real("options_weight_decay")
        let optimizer: OptimizerChoice
        switch try value("options_optimizer").stringValue {
        case "sgd": optimizer = .sgd(learningRate: rate, momentum: try real("options_momentum"), weightDecay: decay)
        case "adam": optimizer = .adam(learningRate: rate, weightDecay: decay)
        default: throw DesignError.file(path: path, detail: "root attribute 'options_optimizer' is not 'sgd' or 'adam'")
        }
        guard let a = try value("options_augmentation").doublesValue, a.count == 5, a[0] <= a[1] else {
            throw DesignError.file(path: path, detail: "root attribute 'options_augmentation' must hold 5 numbers")
        }
        let training = TrainingOptions(
            epochs: Int(try int("options_epochs")), batchSize: Int(try int("options_batch_size")), optimizer: optimizer,
            minimumLearningRate: try real("options_minimum_learning_rate"),
            labelSmoothing: try real("options_label_smoothing"),
            augmentation: Augmentation(
                scale: Float(a[0])...Float(a[1]), shift: Float(a[2]), jitter: Float(a[3]), jitterClip: Float(a[4])),
            seed: UInt64(bitPattern: try int("options_seed")))
        return SupernetOptions(
            training: training, dropout: try real("options_dropout"),
            calibrationBatches: Int(try int("options_calibration_batches")),
            fineTuneSteps: Int(try file.attributeIfPresent("options_fine_tune_steps")?.intValue ?? 0))
    }
}
