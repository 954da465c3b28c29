import HDF5
import Tensor

/// The data a model command reads from `on NAME`: point-cloud splits (train and test) or one set of clouds.
struct TrainingData {
    /// The clouds to train on (the whole set when the value is one set).
    var train: PointCloudSet
    /// The clouds to test on, when the value has a test split.
    var test: PointCloudSet?

    /// The set to evaluate on: the test split, else the whole set.
    var evaluation: PointCloudSet { test ?? train }

    /// Class names of the data (from either split).
    var classNames: [String] { train.classNames.isEmpty ? (test?.classNames ?? []) : train.classNames }

    /// The number of classes across both splits.
    var classCount: Int { max(train.classCount, test?.classCount ?? 0) }

    /// The data named by argument `argument` of `call`: splits or point clouds, else an error naming the kind.
    static func resolve(_ call: Invocation, argument: String, in session: Session) throws -> TrainingData {
        let name = call.text(argument) ?? ""
        guard let value = session.value(named: name) else {
            throw call.error("no value named '\(name)'\(Suggestions.hint(for: name, in: session.names))", at: argument)
        }
        if let splits = value as? PointCloudSplits { return TrainingData(train: splits.train, test: splits.test) }
        if let set = value as? PointCloudSet { return TrainingData(train: set, test: nil) }
        throw call.error("'\(name)' is \(value.kindName), expected point-cloud splits or point clouds", at: argument)
    }

    /// The same data with only the first `points` points of every cloud (the clouds' points are in random
    /// order, so this is a uniform subsample); the data itself when `points` is nil or not smaller.
    func keepingPoints(_ points: Int?) -> TrainingData {
        guard let points else { return self }
        return TrainingData(train: Self.prefix(train, points), test: test.map { Self.prefix($0, points) })
    }

    /// The first `points` points of every cloud of `set`.
    static func prefix(_ set: PointCloudSet, _ points: Int) -> PointCloudSet {
        let have = set.pointsPerCloud
        guard points < have else { return set }
        let source = set.points.scalars
        var scalars = [Float]()
        scalars.reserveCapacity(set.count * points * 3)
        for cloud in 0..<set.count {
            let start = cloud * have * 3
            scalars += source[start..<(start + points * 3)]
        }
        return PointCloudSet(
            points: Tensor(shape: [set.count, points, 3], scalars: scalars), labels: set.labels,
            classNames: set.classNames)
    }
}
