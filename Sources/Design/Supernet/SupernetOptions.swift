import GNN

/// How a supernet trains and recalibrates: GNN's `TrainingOptions` plus what only a supernet needs.
public struct SupernetOptions: Sendable, Equatable {
    /// Epochs (the length of the cosine learning-rate schedule, and the default training target), batch
    /// size (one sampled architecture per step), optimiser, minimum learning rate, label smoothing,
    /// augmentation, and the seed of the supernet's initial weights and of its sampling, shuffling,
    /// augmentation and dropout.
    public var training: TrainingOptions
    /// Dropout after each hidden layer of the head (default 0: in the ranking figure dropout 0.3 lowered
    /// Kendall τ from ≈ 0.53 to ≈ 0.45, see the README).
    public var dropout: Float
    /// Training batches used to recalibrate BatchNorm before evaluating an architecture.
    public var calibrationBatches: Int
    /// Steps of fine-tuning (Adam, the optimiser's learning rate) of an extracted path before it is scored;
    /// 0, the default, scores purely inherited weights as SPEC.md §3 says.
    public var fineTuneSteps: Int

    /// Tandem's defaults: 50 epochs and `TrainingOptions`' other defaults (batch 16, Adam 1e-3 with weight
    /// decay 1e-4 cosine-annealed to 1e-5, label smoothing 0.2, the usual augmentation, seed 1), no dropout,
    /// 5 calibration batches, no fine-tuning.
    public init(
        training: TrainingOptions = TrainingOptions(epochs: 50), dropout: Float = 0, calibrationBatches: Int = 5,
        fineTuneSteps: Int = 0
    ) {
        self.training = training
        self.dropout = dropout
        self.calibrationBatches = calibrationBatches
        self.fineTuneSteps = fineTuneSteps
    }
}

/// The accuracy of one architecture with inherited weights.
public struct ArchitectureScore: Sendable, Equatable {
    /// Overall accuracy on the validation set.
    public var accuracy: Double
    /// Mean per-class accuracy.
    public var meanClassAccuracy: Double
    /// Mean cross-entropy (no smoothing).
    public var loss: Double

    /// A score of `accuracy` and `meanClassAccuracy` (fractions in [0, 1]) and mean cross-entropy `loss`.
    public init(accuracy: Double, meanClassAccuracy: Double, loss: Double) {
        self.accuracy = accuracy
        self.meanClassAccuracy = meanClassAccuracy
        self.loss = loss
    }
}
