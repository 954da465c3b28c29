import Design
import HDF5
import Tensor

/// Accuracy with weights inherited from a trained `Supernet`, as `supernet eval` computes it: BatchNorm
/// recalibrated on a few batches of `calibration` (the same batches for every architecture), then the path
/// evaluated on `validation` (`Supernet.evaluate`). Kernels run on up to `threads.threads` threads.
public struct SupernetAccuracy: AccuracyEvaluator {
    /// The supernet (its score cache grows as architectures are scored).
    public var supernet: Supernet
    /// The split scored (the test split of a data set).
    public var validation: PointCloudSet
    /// The split whose batches recalibrate BatchNorm (the training split).
    public var calibration: PointCloudSet
    /// The thread budget of the kernels.
    public var threads: ThreadBudget

    /// An evaluator scoring on `validation` after recalibrating on `calibration`.
    public init(supernet: Supernet, validation: PointCloudSet, calibration: PointCloudSet, threads: ThreadBudget) {
        self.supernet = supernet
        self.validation = validation
        self.calibration = calibration
        self.threads = threads
    }

    /// `supernet(SPACE, epoch E)`.
    public var name: String { "supernet(\(supernet.space.name), epoch \(supernet.epoch))" }

    /// The inherited-weight score of `architecture` (see `Supernet.evaluate`).
    public mutating func score(_ architecture: Architecture, cancellation: Cancellation) throws -> ArchitectureScore {
        try supernet.evaluate(
            architecture, on: validation, calibration: calibration, threads: threads, cancellation: cancellation)
    }
}
