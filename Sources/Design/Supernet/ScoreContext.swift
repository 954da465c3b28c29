import HDF5
import Tensor

/// What a supernet score depends on besides the architecture: the validation and calibration data (by
/// checksum of their points, labels and shape) and the weights (by completed epochs; training also clears
/// the cache). Cached scores are only reused for the same context.
struct ScoreContext: Hashable, Sendable {
    /// Checksum of the validation set.
    var validation: UInt32
    /// Checksum of the calibration set.
    var calibration: UInt32
    /// Completed epochs of the weights scored.
    var epoch: Int

    /// The context of scoring on `validation` after calibrating on `calibration` at `epoch`.
    init(validation: PointCloudSet, calibration: PointCloudSet, epoch: Int) {
        self.validation = Self.checksum(validation)
        self.calibration = Self.checksum(calibration)
        self.epoch = epoch
    }

    /// CRC32 of a set's shape, coordinates and labels.
    static func checksum(_ set: PointCloudSet) -> UInt32 {
        var crc = CRC32()
        let shape = set.points.shape.map { Int64($0) }
        shape.withUnsafeBytes { crc.update($0) }
        set.points.scalars.withUnsafeBytes { crc.update($0) }
        set.labels.withUnsafeBytes { crc.update($0) }
        return crc.value
    }
}
