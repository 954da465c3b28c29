import Foundation
import HDF5
import Tensor
import Testing

/// Bad files and bad requests give an `HDF5Error` with the right reason and a message naming the file and
/// object, never a crash.
@Suite struct BadInputTests {
    func error(_ body: () throws -> Void) -> HDF5Error? {
        do {
            try body()
            return nil
        } catch let error as HDF5Error {
            return error
        } catch {
            Issue.record("unexpected error type: \(error)")
            return nil
        }
    }

    func validFile(_ folder: TemporaryFolder, name: String = "data.h5") throws -> String {
        let path = folder.file(name)
        let clouds = PointCloudSet(
            points: Tensor(shape: [64, 128, 3], scalars: (0..<(64 * 128 * 3)).map { Float($0 % 97) / 97 }),
            labels: (0..<64).map { Int32($0 % 4) }, classNames: ["a", "b", "c", "d"])
        try clouds.write(to: path, options: .plain)
        return path
    }

    @Test func missingFileSaysNoSuchFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("missing.h5")
        let failure = error { _ = try HDF5File.open(path) }
        #expect(failure?.reason == .noSuchFile)
        #expect(failure?.description == "\(path): no such file")
        #expect(error { _ = try PointCloudSet.read(from: path) }?.reason == .noSuchFile)
        #expect(error { _ = try PointCloudSet.read(from: path + "/train") }?.description == "\(path): no such file")
    }

    @Test func fileThatIsNotHDF5SaysSo() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("x.h5")
        try Data("just some text, not HDF5\n".utf8).write(to: URL(fileURLWithPath: path))
        let failure = error { _ = try HDF5File.open(path) }
        #expect(failure?.reason == .notHDF5)
        #expect(failure?.description == "\(path): not an HDF5 file")
        let empty = folder.file("empty.h5")
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        #expect(error { _ = try HDF5File.open(empty) }?.reason == .notHDF5)
        #expect(error { _ = try HDF5File.open(folder.path) }?.reason == .invalidRequest)
    }

    @Test func truncatedCopyOfAValidFileIsReportedAsDamaged() throws {
        let folder = try TemporaryFolder()
        let path = try validFile(folder)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.count > 64 * 128 * 12)
        for keep in [bytes.count / 2, bytes.count - 100, 100] {
            let truncated = folder.file("truncated-\(keep).h5")
            try bytes.prefix(keep).write(to: URL(fileURLWithPath: truncated))
            let failure = error { _ = try PointCloudSet.read(from: truncated) }
            #expect(failure?.reason == .damaged, "kept \(keep) of \(bytes.count) bytes: \(String(describing: failure))")
            #expect(failure?.description.hasPrefix(truncated + ": ") == true)
            #expect(failure?.description.contains("truncated") == true)
        }
    }

    @Test func wrongDatasetNameNamesTheMissingObject() throws {
        let folder = try TemporaryFolder()
        let path = try validFile(folder)
        let file = try HDF5File.open(path)
        defer { file.close() }
        let failure = error { _ = try file.read(Float.self, at: "points") }
        #expect(failure?.reason == .noSuchObject)
        #expect(failure?.object == "/points")
        #expect(failure?.description == "\(path): no dataset '/points'")
        #expect(error { _ = try file.read(Float.self, at: "/") }?.reason == .wrongKind)
        #expect(error { _ = try file.children(of: "data") }?.reason == .wrongKind)
        #expect(error { _ = try file.attribute("nope") }?.reason == .noSuchObject)
        #expect(error { try file.write([Float(1)], shape: [1], at: "x") }?.reason == .invalidRequest)
    }

    @Test func wrongDtypeIsRefusedWithTheStoredType() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("types.h5")
        try HDF5File.write(to: path) { file in
            try file.write([Double(1.5)], shape: [1], at: "f64")
            try file.write([Int32(300)], shape: [1], at: "i32")
            try file.write(strings: ["a"], at: "s")
            try file.write([Int32(1), 2], shape: [1, 2], at: "clouds/data")
            try file.write([UInt8(0)], shape: [1, 1], at: "clouds/label")
        }
        let file = try HDF5File.open(path)
        defer { file.close() }
        let f64 = error { _ = try file.read(Float.self, at: "f64") }
        #expect(f64?.reason == .wrongType)
        #expect(
            f64?.description == "\(path): dataset '/f64' holds float64, which cannot be read as float32 without loss")
        #expect(error { _ = try file.read(UInt8.self, at: "i32") }?.reason == .wrongType)
        #expect(error { _ = try file.read(Int64.self, at: "s") }?.reason == .wrongType)
        #expect(error { _ = try file.readStrings(at: "i32") }?.reason == .wrongType)
        #expect(error { _ = try file.readIntegers(at: "f64") }?.reason == .wrongType)
        #expect(try file.readConverting(Float.self, at: "f64").values == [1.5])
        let clouds = error { _ = try PointCloudSet.read(from: file, group: "clouds") }
        #expect(clouds?.reason == .wrongShape)
        #expect(clouds?.message == "dataset '/clouds/data' has 2 dimensions [1, 2], expected [N, P, 3]")
    }

    @Test func pointCloudLabelsWithWrongRankOrCountAreRefused() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("labels.h5")
        try HDF5File.write(to: path) { file in
            try file.write(Tensor(shape: [2, 4, 3]), at: "a/data")
            try file.write([Int64](repeating: 0, count: 6), shape: [2, 3], at: "a/label")
            try file.write(Tensor(shape: [2, 4, 3]), at: "b/data")
            try file.write([Int64(0), 1, 2], shape: [3, 1], at: "b/label")
            try file.write(Tensor(shape: [2, 4, 3]), at: "c/data")
            try file.write([Float(0), 1], shape: [2, 1], at: "c/label")
            try file.write(Tensor(shape: [2, 4, 3]), at: "d/data")
            try file.write([Int64(0), -1], shape: [2], at: "d/label")
            try file.write(Tensor(shape: [2, 4, 3]), at: "e/data")
            try file.write([Int64(0), 2], shape: [2], at: "e/label")
            try file.setAttribute("class_names", to: .strings(["x", "y"]), at: "e")
            try file.write(Tensor(shape: [2, 4, 3]), at: "f/data")
        }
        let file = try HDF5File.open(path)
        defer { file.close() }
        let rank = error { _ = try PointCloudSet.read(from: file, group: "a") }
        #expect(rank?.message == "dataset '/a/label' has 2 dimensions [2, 3], expected [N, 1] or [N]")
        #expect(
            error { _ = try PointCloudSet.read(from: file, group: "b") }?.message
                == "dataset '/b/label' has 3 labels for 2 clouds")
        #expect(error { _ = try PointCloudSet.read(from: file, group: "c") }?.reason == .wrongType)
        #expect(error { _ = try PointCloudSet.read(from: file, group: "d") }?.reason == .invalidContent)
        #expect(
            error { _ = try PointCloudSet.read(from: file, group: "e") }?.message
                == "dataset '/e/label': label 2 of cloud 1 is out of range for 2 class names")
        let missing = error { _ = try PointCloudSet.read(from: file, group: "f") }
        #expect(missing?.reason == .noSuchObject)
        #expect(missing?.message.hasPrefix("no dataset '/f/label' (point clouds need") == true)
    }

    func graphFile(_ folder: TemporaryFolder, pointer: [Int64], sources: [Int64], targets: [Int64], nodes: Int = 5)
        throws -> String
    {
        let path = folder.file("g\(UUID().uuidString).h5")
        try HDF5File.write(to: path) { file in
            try file.write(Tensor(shape: [nodes, 2]), at: "x")
            try file.write(sources + targets, shape: [2, sources.count], at: "edge_index")
            try file.write(pointer, shape: [pointer.count], at: "graph_ptr")
            try file.write([Int32](repeating: 0, count: pointer.count - 1), shape: [pointer.count - 1], at: "y")
        }
        return path
    }

    @Test func invalidGraphOffsetsAndEdgesAreReportedPrecisely() throws {
        let folder = try TemporaryFolder()
        let cases: [([Int64], [Int64], [Int64], String)] = [
            ([1, 3, 5], [0], [1], "dataset '/graph_ptr': starts at 1, expected 0"),
            ([0, 3, 2, 5], [0], [1], "dataset '/graph_ptr': decreases at entry 2 (3 then 2)"),
            ([0, 3, 4], [0], [1], "dataset '/graph_ptr': ends at 4, but 'x' has 5 nodes"),
            ([0, 3, 5], [0, 7], [1, 2], "dataset '/edge_index': edge 1 has node 7 in row 0, outside 0..<5"),
            ([0, 3, 5], [0, 1], [1, -1], "dataset '/edge_index': edge 1 has node -1 in row 1, outside 0..<5"),
            (
                [0, 3, 5], [0, 2], [1, 3],
                "dataset '/edge_index': edge 1 joins node 2 of graph 0 to node 3 of graph 1; edges must stay within one graph"
            ),
        ]
        for (pointer, sources, targets, message) in cases {
            let path = try graphFile(folder, pointer: pointer, sources: sources, targets: targets)
            let failure = error { _ = try GraphSet.read(from: path) }
            #expect(failure?.reason == .invalidContent)
            #expect(failure?.description == "\(path): \(message)")
        }
        let valid = try graphFile(folder, pointer: [0, 0, 3, 5], sources: [0, 4], targets: [2, 3])
        let set = try GraphSet.read(from: valid)
        #expect(set.count == 3)
        #expect(set.sources == [0, 4] && set.targets == [2, 3])
    }

    @Test func graphDatasetsWithWrongShapesAreRefused() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("g.h5")
        try HDF5File.write(to: path) { file in
            try file.write(Tensor(shape: [5, 2]), at: "x")
            try file.write([Int64](repeating: 0, count: 6), shape: [3, 2], at: "edge_index")
            try file.write([Int64(0), 5], shape: [2], at: "graph_ptr")
            try file.write([Int64(0)], shape: [1], at: "y")
        }
        let failure = error { _ = try GraphSet.read(from: path) }
        #expect(failure?.message == "dataset '/edge_index' has 2 dimensions [3, 2], expected [2, E]")
        let invalid = GraphSet(
            features: Tensor(shape: [2, 1]), sources: [0], targets: [5], graphPointer: [0, 2], labels: [0])
        let write = error { try invalid.write(to: folder.file("bad.h5")) }
        #expect(write?.reason == .invalidContent)
        #expect(try folder.contents() == ["g.h5"])
    }

    @Test func readingFromAFolderWithoutFilesOrANonMatchingPatternFails() throws {
        let folder = try TemporaryFolder()
        #expect(error { _ = try PointCloudSet.read(from: folder.path) }?.message == "folder contains no .h5 files")
        #expect(error { _ = try PointCloudSet.read(from: folder.file("train*.h5")) }?.reason == .noSuchFile)
    }
}
