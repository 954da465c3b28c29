import Foundation
import HDF5
import Tensor
import Testing

@testable import Workbench

@Suite struct ModelNetFolderTests {
    /// `count` clouds of 4 points with labels cycling through `classes`, coordinates offset by `offset`.
    static func clouds(_ count: Int, classes: Int, offset: Float) -> PointCloudSet {
        PointCloudSet(
            points: Tensor(shape: [count, 4, 3], scalars: (0..<(count * 12)).map { Float($0) / 100 + offset }),
            labels: (0..<count).map { Int32($0 % classes) })
    }

    /// A folder in the ModelNet40 layout: two training files, one test file, `shape_names.txt`.
    static func modelNetFolder() throws -> (folder: String, train: [PointCloudSet], test: PointCloudSet) {
        let folder = temporaryDirectory() + "/modelnet40_ply_hdf5_2048"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let train = [clouds(4, classes: 3, offset: 0), clouds(2, classes: 3, offset: 1)]
        let test = clouds(3, classes: 3, offset: 2)
        try train[0].write(to: folder + "/ply_data_train0.h5")
        try train[1].write(to: folder + "/ply_data_train1.h5")
        try test.write(to: folder + "/ply_data_test0.h5")
        try "airplane\nbathtub\nbed\n".write(toFile: folder + "/shape_names.txt", atomically: true, encoding: .utf8)
        return (folder, train, test)
    }

    @Test(arguments: ["", "/ply_data_*.h5"])
    func aModelNetFolderLoadsAsTrainAndTestSplitsWithItsShapeNames(suffix: String) throws {
        let (folder, train, test) = try Self.modelNetFolder()
        defer { try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent) }
        let (shell, buffer) = capturingShell()
        #expect(shell.execute("load \"\(folder + suffix)\" as mn") == 0, "\(buffer.text)")
        let splits = try #require(shell.session.value(named: "mn") as? PointCloudSplits, "\(buffer.text)")
        #expect(splits.train.count == 6)
        #expect(splits.test.points == test.points)
        #expect(splits.test.labels == test.labels)
        #expect(Array(splits.train.points.scalars.prefix(48)) == train[0].points.scalars)
        #expect(Array(splits.train.points.scalars.suffix(24)) == train[1].points.scalars)
        #expect(splits.train.classNames == ["airplane", "bathtub", "bed"])
        #expect(splits.test.classNames == ["airplane", "bathtub", "bed"])
    }

    @Test func pairMakesSplitsOfTwoLoadedSets() throws {
        let (folder, train, test) = try Self.modelNetFolder()
        defer { try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent) }
        let (shell, buffer) = capturingShell()
        #expect(
            shell.execute(
                "load \"\(folder)/ply_data_train*.h5\" as tr; load \"\(folder)/ply_data_test0.h5\" as te; "
                    + "pair tr te as both") == 0, "\(buffer.text)")
        let splits = try #require(shell.session.value(named: "both") as? PointCloudSplits)
        #expect(splits.train.count == train[0].count + train[1].count)
        #expect(splits.test.labels == test.labels)
        #expect(shell.execute("make shapes classes=2 train=1 test=1 points=8 as other; pair tr other as bad") == 1)
        #expect(buffer.text.contains("points"), "\(buffer.text)")
    }

    @Test func aHeadOfAnotherSizeThanTheDataIsRefused() {
        let (shell, buffer) = capturingShell()
        #expect(shell.execute("make shapes classes=2 train=2 test=1 points=16 as d2") == 0)
        #expect(shell.execute("make shapes classes=3 train=2 test=1 points=16 as d3") == 0)
        #expect(shell.execute("train pointnet on d3 epochs=1 batch=2 as p") == 0, "\(buffer.text)")
        buffer.text = ""
        #expect(shell.execute("train p on d2 epochs=1 batch=2") == 1)
        #expect(buffer.text.contains("3 classes") && buffer.text.contains("2"), "\(buffer.text)")
        #expect(shell.execute("space small points=16 as s; arch sample n=1 in s as a") == 0)
        buffer.text = ""
        #expect(shell.execute("train a on d2 epochs=1 batch=2") == 1)
        #expect(buffer.text.contains("10 classes"), "\(buffer.text)")
    }
}
