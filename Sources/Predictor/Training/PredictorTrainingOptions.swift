import Tensor

/// The settings of one predictor training run (a value passed down; nothing process-wide).
public struct PredictorTrainingOptions: Sendable, Hashable {
    /// The network's shape.
    public var network: GINNetwork
    /// The largest number of epochs.
    public var epochs: Int
    /// Graphs per step.
    public var batchSize: Int
    /// Adam's learning rate at the first epoch.
    public var learningRate: Float
    /// The learning rate at epoch `epochs`: the rate follows GNN's `CosineSchedule` from `learningRate` down
    /// to it, stepped per epoch (equal to `learningRate` for a constant rate).
    public var minimumLearningRate: Float
    /// The share of the given samples held out for early stopping (the validation split).
    public var validationFraction: Double
    /// Epochs without a better validation MAPE before training stops; the best epoch's parameters are kept.
    public var patience: Int
    /// Seeds the initialisation, the split and the shuffling.
    public var seed: UInt64
    /// The thread budget passed to the kernels.
    public var threads: ThreadBudget
    /// What the network learns: the figure, or the correction of each graph's baseline.
    public var mode: PredictorMode
    /// Networks trained from different initialisations on the same split, their outputs averaged (1: one).
    public var members: Int

    /// Options with defaults sized for a few hundred to a few thousand graphs.
    public init(
        network: GINNetwork = GINNetwork(), epochs: Int = 300, batchSize: Int = 32, learningRate: Float = 3e-3,
        minimumLearningRate: Float = 3e-5, validationFraction: Double = 0.2, patience: Int = 40, seed: UInt64 = 1,
        threads: ThreadBudget = .single, mode: PredictorMode = .absolute, members: Int = 1
    ) {
        self.mode = mode
        self.members = members
        self.network = network
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.minimumLearningRate = minimumLearningRate
        self.validationFraction = validationFraction
        self.patience = patience
        self.seed = seed
        self.threads = threads
    }
}

/// The figures of one epoch of predictor training.
public struct PredictorEpoch: Sendable, Hashable {
    /// The epoch, from 1.
    public var epoch: Int
    /// The mean MAPE loss over the epoch's training steps (a fraction).
    public var trainingLoss: Double
    /// The MAPE on the validation split after the epoch (a fraction).
    public var validationMAPE: Double
}
