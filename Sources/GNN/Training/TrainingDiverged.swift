/// Training stopped because a step's loss (or the weights its update made) stopped being finite: the
/// learning rate is too large for the data. The model keeps the weights of the last finite step.
public struct TrainingDiverged: Error, CustomStringConvertible, Equatable, Sendable {
    /// The epoch of the step, from 1.
    public var epoch: Int
    /// The step within the epoch, from 1.
    public var step: Int
    /// Steps per epoch.
    public var steps: Int
    /// The non-finite loss.
    public var loss: Float
    /// The learning rate the step used.
    public var learningRate: Float

    /// A report of step `step` of `epoch` (both from 1).
    public init(epoch: Int, step: Int, steps: Int, loss: Float, learningRate: Float) {
        self.epoch = epoch
        self.step = step
        self.steps = steps
        self.loss = loss
        self.learningRate = learningRate
    }

    /// `training diverged at epoch 1, step 2 of 4: ...`.
    public var description: String {
        "training diverged at epoch \(epoch), step \(step) of \(steps): the loss is \(loss) at learning rate "
            + "\(learningRate); the weights are those of the last finite step; try a smaller learning rate"
    }
}
