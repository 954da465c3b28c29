import HDF5

/// A train and a test split of point clouds, as `make shapes` makes and as a file with `/train` and `/test`
/// groups holds.
public struct PointCloudSplits: Sendable, Equatable {
    /// The training clouds.
    public var train: PointCloudSet
    /// The test clouds.
    public var test: PointCloudSet

    /// Splits from two sets.
    public init(train: PointCloudSet, test: PointCloudSet) {
        self.train = train
        self.test = test
    }
}
