import Foundation
import HDF5
import Tensor
import Testing

/// The shapes generator: reproducibility, balance, normalisation, and area-uniform sampling checked against
/// closed-form area ratios (Archimedes' hat-box theorem for the sphere, cap vs side area for the cylinder).
@Suite struct ShapesTests {
    static let small = ShapesConfiguration(trainPerClass: 2, testPerClass: 1, points: 64, seed: 5)

    @Test func sameSeedGivesByteIdenticalFilesAndAnotherSeedDiffers() throws {
        let folder = try TemporaryFolder()
        try ShapesDataset(Self.small).write(to: folder.file("a.h5"))
        Thread.sleep(forTimeInterval: 1.1)
        try ShapesDataset(Self.small).write(to: folder.file("b.h5"))
        var other = Self.small
        other.seed = 6
        try ShapesDataset(other).write(to: folder.file("c.h5"))
        let a = try Data(contentsOf: URL(fileURLWithPath: folder.file("a.h5")))
        let b = try Data(contentsOf: URL(fileURLWithPath: folder.file("b.h5")))
        let c = try Data(contentsOf: URL(fileURLWithPath: folder.file("c.h5")))
        #expect(a == b)
        #expect(a != c)
        #expect(try ShapesDataset(Self.small).train.points != ShapesDataset(other).train.points)
    }

    @Test func splitsAreBalancedWithTheRequestedShapesAndNames() throws {
        var configuration = Self.small
        configuration.classes = [.torus, .sphere, .mobius]
        configuration.trainPerClass = 4
        configuration.testPerClass = 3
        let set = try ShapesDataset(configuration)
        #expect(set.train.points.shape == [12, 64, 3])
        #expect(set.test.points.shape == [9, 64, 3])
        #expect(set.train.classNames == ["torus", "sphere", "mobius"])
        for (split, perClass) in [(set.train, 4), (set.test, 3)] {
            for label in 0..<3 { #expect(split.labels.filter { $0 == label }.count == perClass) }
        }
        let folder = try TemporaryFolder()
        try set.write(to: folder.file("shapes.h5"))
        #expect(try PointCloudSet.read(from: folder.file("shapes.h5") + "/test") == set.test)
    }

    @Test func everyCloudIsCentredWithItsFarthestPointOnTheUnitSphere() throws {
        let set = try ShapesDataset(Self.small)
        let points = set.train.points
        for cloud in 0..<set.train.count {
            var centroid = SIMD3<Double>(repeating: 0)
            var radius: Double = 0
            for point in 0..<64 {
                let p = SIMD3<Double>(
                    Double(points[cloud, point, 0]), Double(points[cloud, point, 1]), Double(points[cloud, point, 2]))
                centroid += p / 64
                radius = max(radius, (p * p).sum().squareRoot())
            }
            #expect((centroid * centroid).sum().squareRoot() < 1e-5, "cloud \(cloud)")
            #expect(abs(radius - 1) < 1e-5, "cloud \(cloud)")
        }
    }

    func plain(_ shape: ShapeClass, points: Int) -> [SIMD3<Float>] {
        let configuration = ShapesConfiguration(
            classes: [shape], points: points, noise: 0, scaleJitter: 0, deformation: 0, rotation: .none)
        var generator = SeededGenerator(seed: 11)
        return ShapesGenerator.cloud(shape, configuration, generator: &generator)
    }

    /// On a sphere, area-uniform points have z uniform in [−1, 1]: each of 10 bins holds 10 % (±1.2 %, about
    /// 4 binomial standard deviations for 20 000 points).
    @Test func spherePointsAreUniformByArea() {
        let points = plain(.sphere, points: 20_000)
        var bins = [Int](repeating: 0, count: 10)
        for p in points { bins[min(9, Int((p.z + 1) / 2 * 10))] += 1 }
        for count in bins { #expect(abs(Double(count) / 20_000 - 0.1) < 0.012, "\(bins)") }
    }

    /// On a closed cylinder of radius r and height h, the two caps hold r / (r + h) of the area (±0.012).
    @Test func cylinderCapsHoldTheirShareOfTheArea() {
        let points = plain(.cylinder, points: 20_000)
        let top = points.map(\.z).max() ?? 0
        let bottom = points.map(\.z).min() ?? 0
        let radius = Double(points.map { ($0.x * $0.x + $0.y * $0.y).squareRoot() }.max() ?? 0)
        let height = Double(top - bottom)
        let onCaps = points.filter { abs($0.z - top) < 1e-5 || abs($0.z - bottom) < 1e-5 }.count
        #expect(abs(Double(onCaps) / 20_000 - radius / (radius + height)) < 0.012)
    }

    @Test func invalidConfigurationsAreRefused() {
        for change in [
            { (c: inout ShapesConfiguration) in c.classes = [] }, { $0.points = 0 }, { $0.noise = -1 },
            { $0.classes = [.sphere, .sphere] }, { $0.scaleJitter = 1 },
        ] {
            var configuration = Self.small
            change(&configuration)
            #expect(throws: HDF5Error.self) { _ = try ShapesDataset(configuration) }
        }
    }
}
