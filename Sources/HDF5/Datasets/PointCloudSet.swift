import Tensor

/// A labelled set of point clouds in memory: the ModelNet40 layout (`data` [N, P, 3], `label` [N, 1]).
public struct PointCloudSet: Sendable, Equatable {
    /// Coordinates, shape [N, P, 3].
    public var points: Tensor
    /// One class index per cloud, in `0..<classNames.count` (or `0..<classCount` when names are unknown).
    public var labels: [Int32]
    /// Human-readable class names, index = label; empty when the file carries none.
    public var classNames: [String]

    /// Creates a set; `points` must be [N, P, 3] and `labels` must have N entries.
    public init(points: Tensor, labels: [Int32], classNames: [String] = []) {
        precondition(points.rank == 3 && points.shape[2] == 3, "points must be [N, P, 3], got \(points.shape)")
        precondition(labels.count == points.shape[0], "\(labels.count) labels for \(points.shape[0]) clouds")
        self.points = points
        self.labels = labels
        self.classNames = classNames
    }

    /// The number of clouds N.
    public var count: Int { points.shape[0] }
    /// The number of points per cloud P.
    public var pointsPerCloud: Int { points.shape[1] }
    /// The number of classes: the names if given, else one more than the largest label.
    public var classCount: Int { classNames.isEmpty ? Int((labels.max() ?? -1) + 1) : classNames.count }
}
