import Foundation
import Tensor

/// The procedural "shapes" data set: a train and a test split of labelled point clouds.
public struct ShapesDataset: Sendable, Equatable {
    /// The configuration the set was generated from.
    public var configuration: ShapesConfiguration
    /// The training split: `trainPerClass` clouds per class, labels cycling 0, 1, ..., C−1, 0, ...
    public var train: PointCloudSet
    /// The test split, drawn independently of the training split.
    public var test: PointCloudSet

    /// Generates the set. Every cloud has its own random stream derived from (seed, split, index), so the
    /// result depends only on the configuration. Throws `invalidRequest` for a bad configuration.
    public init(_ configuration: ShapesConfiguration) throws {
        if let problem = configuration.problem {
            throw HDF5Error(file: "shapes", reason: .invalidRequest, message: "cannot generate shapes: \(problem)")
        }
        self.configuration = configuration
        train = ShapesGenerator.split(configuration, index: 0, perClass: configuration.trainPerClass)
        test = ShapesGenerator.split(configuration, index: 1, perClass: configuration.testPerClass)
    }

    /// Writes the set to one new file (atomically): groups `/train` and `/test` in the point-cloud layout with
    /// class names, and the generator parameters as root attributes `shapes_*`.
    public func write(to path: String, options: HDF5WriteOptions = .compressed) throws {
        try HDF5File.write(to: path) { file in
            try train.write(into: file, group: "train", options: options)
            try test.write(into: file, group: "test", options: options)
            let c = configuration
            try file.setAttribute("shapes_classes", to: .strings(c.classes.map(\.name)))
            try file.setAttribute("shapes_seed", to: .int(Int64(bitPattern: c.seed)))
            try file.setAttribute("shapes_points", to: .int(Int64(c.points)))
            try file.setAttribute("shapes_train_per_class", to: .int(Int64(c.trainPerClass)))
            try file.setAttribute("shapes_test_per_class", to: .int(Int64(c.testPerClass)))
            try file.setAttribute("shapes_noise", to: .double(Double(c.noise)))
            try file.setAttribute("shapes_scale_jitter", to: .double(Double(c.scaleJitter)))
            try file.setAttribute("shapes_deformation", to: .double(Double(c.deformation)))
            try file.setAttribute("shapes_rotation", to: .string(c.rotation.rawValue))
        }
    }
}

/// Sampling, transforming and normalising one cloud of the shapes set.
public enum ShapesGenerator {
    /// One split (0 = train, 1 = test) with `perClass` clouds of every class, labels interleaved.
    static func split(_ configuration: ShapesConfiguration, index split: UInt64, perClass: Int) -> PointCloudSet {
        let classCount = configuration.classes.count
        let count = classCount * perClass
        let points = configuration.points
        var scalars = [Float](repeating: 0, count: count * points * 3)
        var labels = [Int32](repeating: 0, count: count)
        scalars.withUnsafeMutableBufferPointer { buffer in
            for cloud in 0..<count {
                let label = cloud % classCount
                labels[cloud] = Int32(label)
                var generator = SeededGenerator(seed: cloudSeed(configuration.seed, split: split, index: UInt64(cloud)))
                let sampled = self.cloud(configuration.classes[label], configuration, generator: &generator)
                for (point, value) in sampled.enumerated() {
                    buffer[(cloud * points + point) * 3] = value.x
                    buffer[(cloud * points + point) * 3 + 1] = value.y
                    buffer[(cloud * points + point) * 3 + 2] = value.z
                }
            }
        }
        return PointCloudSet(
            points: Tensor(shape: [count, points, 3], scalars: scalars), labels: labels,
            classNames: configuration.classes.map(\.name))
    }

    /// The seed of cloud `index` of split `split`: distinct, well-mixed streams for every cloud.
    static func cloudSeed(_ seed: UInt64, split: UInt64, index: UInt64) -> UInt64 {
        var generator = SeededGenerator(seed: seed ^ (split &* 0x9E37_79B9_7F4A_7C15))
        return generator.next() &+ index &* 0xD1B5_4A32_D192_ED03
    }

    /// One cloud of `shape`: surface samples, random taper/bend, anisotropic scale, rotation, normalisation to
    /// the unit sphere, Gaussian jitter, and a final normalisation (centroid at 0, farthest point at radius 1).
    public static func cloud(
        _ shape: ShapeClass, _ configuration: ShapesConfiguration, generator: inout SeededGenerator
    )
        -> [SIMD3<Float>]
    {
        func symmetric(_ range: Float) -> Float { range * (2 * generator.nextUniform() - 1) }
        let patches = shape.patches(generator: &generator)
        var points: [SIMD3<Float>] = []
        points.reserveCapacity(configuration.points)
        SurfaceSampler.sample(patches, count: configuration.points, generator: &generator, into: &points)

        let taper = symmetric(configuration.deformation)
        let bend = symmetric(configuration.deformation)
        let scale = SIMD3(
            1 + symmetric(configuration.scaleJitter), 1 + symmetric(configuration.scaleJitter),
            1 + symmetric(configuration.scaleJitter))
        let rotation = rotationMatrix(configuration.rotation, generator: &generator)
        for index in points.indices {
            var p = points[index]
            p.x *= 1 + taper * p.z
            p.y *= 1 + taper * p.z
            p.z += bend * p.x * p.x
            p *= scale
            points[index] = rotation.0 * p.x + rotation.1 * p.y + rotation.2 * p.z
        }
        normalise(&points)
        if configuration.noise > 0 {
            for index in points.indices {
                points[index] +=
                    configuration.noise
                    * SIMD3(generator.nextNormal(), generator.nextNormal(), generator.nextNormal())
            }
            normalise(&points)
        }
        return points
    }

    /// Moves the centroid to the origin and scales the farthest point to radius 1.
    static func normalise(_ points: inout [SIMD3<Float>]) {
        guard !points.isEmpty else { return }
        let centroid = points.reduce(SIMD3<Float>(repeating: 0), +) / Float(points.count)
        var radius: Float = 0
        for index in points.indices {
            points[index] -= centroid
            radius = max(radius, (points[index] * points[index]).sum())
        }
        radius = radius.squareRoot()
        if radius > 0 { for index in points.indices { points[index] /= radius } }
    }

    /// The columns of a rotation matrix for the configured mode (uniform about z, or uniform in SO(3) from a
    /// normalised Gaussian quaternion).
    static func rotationMatrix(_ mode: ShapesConfiguration.Rotation, generator: inout SeededGenerator)
        -> (SIMD3<Float>, SIMD3<Float>, SIMD3<Float>)
    {
        switch mode {
        case .none: return (SIMD3(1, 0, 0), SIMD3(0, 1, 0), SIMD3(0, 0, 1))
        case .aboutZ:
            let angle = 2 * Float.pi * generator.nextUniform()
            return (SIMD3(cos(angle), sin(angle), 0), SIMD3(-sin(angle), cos(angle), 0), SIMD3(0, 0, 1))
        case .full:
            var q = SIMD4(
                generator.nextNormal(), generator.nextNormal(), generator.nextNormal(), generator.nextNormal())
            let length = (q * q).sum().squareRoot()
            q = length > 1e-6 ? q / length : SIMD4(1, 0, 0, 0)
            let (w, x, y, z) = (q.x, q.y, q.z, q.w)
            return (
                SIMD3(1 - 2 * (y * y + z * z), 2 * (x * y + w * z), 2 * (x * z - w * y)),
                SIMD3(2 * (x * y - w * z), 1 - 2 * (x * x + z * z), 2 * (y * z + w * x)),
                SIMD3(2 * (x * z + w * y), 2 * (y * z - w * x), 1 - 2 * (x * x + y * y))
            )
        }
    }
}
