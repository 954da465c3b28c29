import GNN
import HDF5

/// What a zoo's models expect as input, so that the zoo file is self-contained: the class names, the cloud
/// layout, what is done to a cloud before the first layer, and the statistics of the clouds it learnt from.
///
/// The loaders read clouds unchanged and the deployed model transforms nothing (`transform` is `none`): a
/// cloud must be given as the training clouds were (ModelNet40's and the shapes set's are centred at the
/// origin with the farthest point at radius about 1; `centroidMax` and `radiusMean` say how the training
/// clouds were). `augmentation` is applied to training batches only, never at inference.
public struct ZooInput: Sendable, Equatable {
    /// Class names in label order (empty when the data has none).
    public var classNames: [String]
    /// The largest distance of a training cloud's centroid from the origin (0 when unknown).
    public var centroidMax: Double
    /// The mean over training clouds of the farthest point's distance from the cloud's centroid (0 when
    /// unknown).
    public var radiusMean: Double
    /// The random augmentation of training batches (not applied at inference).
    public var augmentation: Augmentation

    /// The cloud layout a model takes.
    public static let layout = "float32 [points, 3] xyz per cloud, the first `points` points of each cloud"
    /// What the deployed model does to a cloud before its first layer.
    public static let transform = "none"

    /// An input description from its parts.
    public init(
        classNames: [String] = [], centroidMax: Double = 0, radiusMean: Double = 0,
        augmentation: Augmentation = Augmentation()
    ) {
        self.classNames = classNames
        self.centroidMax = centroidMax
        self.radiusMean = radiusMean
        self.augmentation = augmentation
    }

    /// The description of training clouds `data` (their centroids and radii), named `classNames`, augmented
    /// in training by `augmentation`.
    public init(describing data: PointCloudSet, classNames: [String], augmentation: Augmentation) {
        let p = data.pointsPerCloud
        var centroidMax = 0.0
        var radiusSum = 0.0
        let scalars = data.points.scalars
        for cloud in 0..<data.count where p > 0 {
            var centre = SIMD3<Double>(repeating: 0)
            for i in 0..<p {
                let b = (cloud * p + i) * 3
                centre += SIMD3(Double(scalars[b]), Double(scalars[b + 1]), Double(scalars[b + 2]))
            }
            centre /= Double(p)
            var radius = 0.0
            for i in 0..<p {
                let b = (cloud * p + i) * 3
                let d = SIMD3(Double(scalars[b]), Double(scalars[b + 1]), Double(scalars[b + 2])) - centre
                radius = max(radius, (d * d).sum().squareRoot())
            }
            centroidMax = max(centroidMax, (centre * centre).sum().squareRoot())
            radiusSum += radius
        }
        self.init(
            classNames: classNames, centroidMax: centroidMax,
            radiusMean: data.count == 0 ? 0 : radiusSum / Double(data.count), augmentation: augmentation)
    }

    /// Writes the root attributes (see `ZooFile`).
    func write(to file: HDF5File) throws {
        let a = augmentation
        var attributes: [(String, HDF5AttributeValue)] = [
            ("input_layout", .string(Self.layout)),
            ("input_transform", .string(Self.transform)),
            ("input_centroid_max", .double(centroidMax)),
            ("input_radius_mean", .double(radiusMean)),
            (
                "training_augmentation",
                .doubles([
                    Double(a.scale.lowerBound), Double(a.scale.upperBound), Double(a.shift), Double(a.jitter),
                    Double(a.jitterClip),
                ])
            ),
        ]
        if !classNames.isEmpty { attributes.append(("class_names", .strings(classNames))) }
        for (name, value) in attributes { try file.setAttribute(name, to: value) }
    }

    /// The description in the root attributes of `file` (defaults for what an older file lacks); throws
    /// `SearchError.file` for a malformed augmentation.
    static func read(from file: HDF5File, path: String) throws -> ZooInput {
        var input = ZooInput(
            classNames: try file.attributeIfPresent("class_names")?.stringsValue ?? [],
            centroidMax: try file.attributeIfPresent("input_centroid_max")?.doubleValue ?? 0,
            radiusMean: try file.attributeIfPresent("input_radius_mean")?.doubleValue ?? 0)
        if let value = try file.attributeIfPresent("training_augmentation") {
            guard let a = value.doublesValue, a.count == 5, a[0] <= a[1] else {
                throw SearchError.file(
                    path: path,
                    detail: "root attribute 'training_augmentation' must hold 5 numbers: scale min ≤ max, shift, "
                        + "jitter, jitter clip")
            }
            input.augmentation = Augmentation(
                scale: Float(a[0])...Float(a[1]), shift: Float(a[2]), jitter: Float(a[3]), jitterClip: Float(a[4]))
        }
        return input
    }
}
