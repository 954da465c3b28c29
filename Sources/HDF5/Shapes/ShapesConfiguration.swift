/// The parameters of the procedural "shapes" data set; the same configuration gives byte-identical files.
public struct ShapesConfiguration: Sendable, Equatable {
    /// How each cloud is rotated after sampling.
    public enum Rotation: String, Sendable, Equatable, CaseIterable {
        /// Canonical pose (axis of symmetry along z).
        case none
        /// A uniform random angle about the z (up) axis, as in ModelNet40 practice: shapes stay upright.
        case aboutZ = "z"
        /// A uniformly random rotation in SO(3) (much harder for non-invariant networks).
        case full
    }

    /// The classes, in label order (label i is `classes[i]`).
    public var classes: [ShapeClass]
    /// Training clouds per class (the training split is balanced).
    public var trainPerClass: Int
    /// Test clouds per class (the test split is balanced).
    public var testPerClass: Int
    /// Points per cloud P.
    public var points: Int
    /// Standard deviation of Gaussian jitter added to every coordinate, relative to the unit-sphere size.
    public var noise: Float
    /// Each axis is scaled by a factor uniform in 1 ± `scaleJitter` before rotation (anisotropic scale).
    public var scaleJitter: Float
    /// Strength of a random taper and bend (x, y scaled by 1 + t·z, then z bent by b·x²; t, b uniform in
    /// ± `deformation`).
    public var deformation: Float
    /// The rotation applied to each cloud.
    public var rotation: Rotation
    /// The seed of the whole set.
    public var seed: UInt64

    /// Creates a configuration; the defaults are Tandem's default data set (13 classes, 1024 points).
    public init(
        classes: [ShapeClass] = ShapeClass.allCases, trainPerClass: Int = 100, testPerClass: Int = 25,
        points: Int = 1024, noise: Float = 0.01, scaleJitter: Float = 0.2, deformation: Float = 0.15,
        rotation: Rotation = .aboutZ, seed: UInt64 = 1
    ) {
        self.classes = classes
        self.trainPerClass = trainPerClass
        self.testPerClass = testPerClass
        self.points = points
        self.noise = noise
        self.scaleJitter = scaleJitter
        self.deformation = deformation
        self.rotation = rotation
        self.seed = seed
    }

    /// The first problem with the parameters (empty class list, duplicates, non-positive counts, negative
    /// noise, jitter outside 0..<1), or nil.
    public var problem: String? {
        if classes.isEmpty { return "no classes chosen" }
        if Set(classes).count != classes.count { return "a class is listed twice" }
        if trainPerClass < 0 || testPerClass < 0 { return "clouds per class must not be negative" }
        if trainPerClass + testPerClass == 0 { return "no clouds requested" }
        if points < 1 { return "points per cloud must be at least 1" }
        if !(noise >= 0) { return "noise must not be negative" }
        if !(scaleJitter >= 0 && scaleJitter < 1) { return "scale jitter must be in 0..<1" }
        if !(deformation >= 0 && deformation <= 1) { return "deformation must be in 0...1" }
        return nil
    }
}
