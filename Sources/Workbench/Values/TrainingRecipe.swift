import HDF5

/// The settings of a model's last `train` run, kept with the model and in its exported file (root
/// attributes `training_*`), so that `show` says how it was trained.
public struct TrainingRecipe: Sendable, Equatable {
    /// `adam` or `sgd`.
    public var optimizer: String
    /// The initial learning rate.
    public var learningRate: Double
    /// The rate the cosine schedule ends at.
    public var minimumLearningRate: Double
    /// Epochs of the run (the schedule's length).
    public var epochs: Int
    /// Clouds per step.
    public var batch: Int
    /// The seed of shuffling, augmentation and dropout.
    public var seed: Int64

    /// A recipe; see the properties.
    public init(
        optimizer: String, learningRate: Double, minimumLearningRate: Double, epochs: Int, batch: Int, seed: Int64
    ) {
        self.optimizer = optimizer
        self.learningRate = learningRate
        self.minimumLearningRate = minimumLearningRate
        self.epochs = epochs
        self.batch = batch
        self.seed = seed
    }

    /// `sgd, lr 0.02 → 0.0002 (cosine over 2 epochs), batch 2, seed 3`.
    public var description: String {
        "\(optimizer), lr \(Value.format(learningRate)) → \(Value.format(minimumLearningRate)) (cosine over "
            + NumberFormat.count(epochs, "epoch") + "), batch \(batch), seed \(seed)"
    }

    /// The root attributes that hold the recipe.
    var attributes: [String: HDF5AttributeValue] {
        [
            "training_optimizer": .string(optimizer), "training_lr": .double(learningRate),
            "training_lr_minimum": .double(minimumLearningRate), "training_schedule": .string("cosine"),
            "training_run_epochs": .int(Int64(epochs)), "training_batch": .int(Int64(batch)),
            "training_seed": .int(seed),
        ]
    }

    /// The recipe in a file's root attributes, or nil when the file has none.
    static func read(from file: HDF5File) throws -> TrainingRecipe? {
        guard let optimizer = try file.attributeIfPresent("training_optimizer")?.stringValue,
            let rate = try file.attributeIfPresent("training_lr")?.doubleValue,
            let minimum = try file.attributeIfPresent("training_lr_minimum")?.doubleValue,
            let epochs = try file.attributeIfPresent("training_run_epochs")?.intValue,
            let batch = try file.attributeIfPresent("training_batch")?.intValue,
            let seed = try file.attributeIfPresent("training_seed")?.intValue
        else { return nil }
        return TrainingRecipe(
            optimizer: optimizer, learningRate: rate, minimumLearningRate: minimum, epochs: Int(epochs),
            batch: Int(batch), seed: seed)
    }
}
