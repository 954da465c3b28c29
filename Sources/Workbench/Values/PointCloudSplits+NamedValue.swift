extension PointCloudSplits: NamedValue {
    /// "point-cloud splits".
    public static var kindName: String { "point-cloud splits" }

    /// `train N + test M clouds × P points, C classes`.
    public var summary: String {
        "train \(train.count) + test \(test.count) clouds × \(train.pointsPerCloud) points, \(train.classCount) classes"
    }

    /// Both splits in detail.
    public var details: String { "train:\n\(train.details)\ntest:\n\(test.details)" }
}
