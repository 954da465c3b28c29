import Tensor

/// The optimiser a training run uses.
public enum OptimizerChoice: Sendable, Equatable {
    /// SGD with momentum and weight decay, learning rate annealed by a cosine schedule (DGCNN's recipe:
    /// 0.1, 0.9, 1e-4).
    case sgd(learningRate: Float, momentum: Float, weightDecay: Float)
    /// Adam with optional weight decay (L2), learning rate annealed by the same cosine schedule.
    case adam(learningRate: Float, weightDecay: Float)

    /// The initial learning rate.
    public var learningRate: Float {
        switch self {
        case .sgd(let rate, _, _), .adam(let rate, _): return rate
        }
    }

    /// A fresh optimiser with this choice's settings.
    public func makeOptimizer() -> any Optimizer {
        switch self {
        case .sgd(_, let momentum, let decay): return SGD(momentum: momentum, weightDecay: decay)
        case .adam(_, let decay): return Adam(weightDecay: decay)
        }
    }
}

/// Settings of a training run.
public struct TrainingOptions: Sendable, Equatable {
    /// Passes over the training set.
    public var epochs: Int
    /// Clouds per step (the last incomplete batch of an epoch is dropped, as BatchNorm needs > 1 sample).
    public var batchSize: Int
    /// The optimiser and its initial learning rate.
    public var optimizer: OptimizerChoice
    /// The learning rate the cosine schedule reaches after the last epoch.
    public var minimumLearningRate: Float
    /// Label smoothing of the cross-entropy (DGCNN: 0.2).
    public var labelSmoothing: Float
    /// Random augmentation of every training batch.
    public var augmentation: Augmentation
    /// Seed of the shuffling, augmentation and dropout streams.
    public var seed: UInt64
    /// The threads the kernels of `Training.train` may use (same budget, same machine → same result).
    public var threads: ThreadBudget

    /// Defaults suited to short runs: Adam 1e-3 → 1e-5 (cosine), weight decay 1e-4, smoothing 0.2, batch 16,
    /// augmentation on, one thread. DGCNN's 250-epoch recipe is `.sgd(learningRate: 0.1, momentum: 0.9, weightDecay:
    /// 1e-4)` with minimum 1e-3.
    public init(
        epochs: Int, batchSize: Int = 16,
        optimizer: OptimizerChoice = .adam(learningRate: 1e-3, weightDecay: 1e-4),
        minimumLearningRate: Float = 1e-5, labelSmoothing: Float = 0.2, augmentation: Augmentation = Augmentation(),
        seed: UInt64 = 1, threads: ThreadBudget = .single
    ) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.optimizer = optimizer
        self.minimumLearningRate = minimumLearningRate
        self.labelSmoothing = labelSmoothing
        self.augmentation = augmentation
        self.seed = seed
        self.threads = threads
    }
}

/// What one epoch of training achieved.
public struct EpochReport: Sendable, Equatable {
    /// The epoch number, from 1.
    public var epoch: Int
    /// Mean training loss (with label smoothing) over the epoch's steps.
    public var loss: Double
    /// Accuracy on the (augmented) training batches.
    public var trainAccuracy: Double
    /// The learning rate used in this epoch.
    public var learningRate: Float
    /// Wall-clock seconds of the epoch.
    public var seconds: Double

    /// A report of epoch `epoch` (from 1).
    public init(epoch: Int, loss: Double, trainAccuracy: Double, learningRate: Float, seconds: Double) {
        self.epoch = epoch
        self.loss = loss
        self.trainAccuracy = trainAccuracy
        self.learningRate = learningRate
        self.seconds = seconds
    }
}
