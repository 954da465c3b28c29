import GNN

/// How a supernet trains and recalibrates.
public struct SupernetOptions: Sendable, Equatable {
    /// The length of the cosine learning-rate schedule in epochs, and the default training target.
    public var epochs: Int
    /// Clouds per step (one sampled architecture per step; an incomplete last batch is dropped).
    public var batchSize: Int
    /// The optimiser and its initial learning rate.
    public var optimizer: OptimizerChoice
    /// The learning rate the cosine schedule reaches at `epochs`.
    public var minimumLearningRate: Float
    /// Label smoothing of the cross-entropy.
    public var labelSmoothing: Float
    /// Dropout after each hidden layer of the head (default 0: in the ranking figure dropout 0.3 lowered
    /// Kendall τ from ≈ 0.53 to ≈ 0.45, see the README).
    public var dropout: Float
    /// Random augmentation of every training batch.
    public var augmentation: Augmentation
    /// Training batches used to recalibrate BatchNorm before evaluating an architecture.
    public var calibrationBatches: Int
    /// Steps of fine-tuning (Adam, the optimiser's learning rate) of an extracted path before it is scored;
    /// 0, the default, scores purely inherited weights as SPEC.md §3 says.
    public var fineTuneSteps: Int
    /// Seed of the supernet's initial weights and of its sampling, shuffling, augmentation and dropout.
    public var seed: UInt64

    /// Tandem's defaults: 50 epochs, batch 16, Adam 1e-3 with weight decay 1e-4 cosine-annealed to 1e-5,
    /// label smoothing 0.2, no dropout, the usual augmentation, 5 calibration batches, no fine-tuning, seed 1.
    public init(
        epochs: Int = 50, batchSize: Int = 16,
        optimizer: OptimizerChoice = .adam(learningRate: 1e-3, weightDecay: 1e-4),
        minimumLearningRate: Float = 1e-5, labelSmoothing: Float = 0.2, dropout: Float = 0,
        augmentation: Augmentation = Augmentation(), calibrationBatches: Int = 5, fineTuneSteps: Int = 0,
        seed: UInt64 = 1
    ) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.optimizer = optimizer
        self.minimumLearningRate = minimumLearningRate
        self.labelSmoothing = labelSmoothing
        self.dropout = dropout
        self.augmentation = augmentation
        self.calibrationBatches = calibrationBatches
        self.fineTuneSteps = fineTuneSteps
        self.seed = seed
    }
}

/// What one supernet epoch achieved.
public struct SupernetEpochReport: Sendable, Equatable {
    /// The epoch number, from 1.
    public var epoch: Int
    /// Mean training loss over the epoch's steps (each step a different architecture).
    public var loss: Double
    /// Accuracy on the augmented training batches.
    public var trainAccuracy: Double
    /// The learning rate of the epoch.
    public var learningRate: Float
    /// Wall-clock seconds.
    public var seconds: Double
}

/// The accuracy of one architecture with inherited weights.
public struct ArchitectureScore: Sendable, Equatable {
    /// Overall accuracy on the validation set.
    public var accuracy: Double
    /// Mean per-class accuracy.
    public var meanClassAccuracy: Double
    /// Mean cross-entropy (no smoothing).
    public var loss: Double
}
