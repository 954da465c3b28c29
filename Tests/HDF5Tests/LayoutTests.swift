import Foundation
import HDF5
import Tensor
import Testing

/// The point-cloud and graph layouts: exact round trips, several files and folders, groups inside files,
/// alternative label shapes and class-name forms, and layout detection.
@Suite struct LayoutTests {
    func clouds(count: Int, points: Int, firstLabel: Int32 = 0, names: [String] = []) -> PointCloudSet {
        PointCloudSet(
            points: Tensor(
                shape: [count, points, 3],
                scalars: (0..<(count * points * 3)).map { Float($0) * 0.01 + Float(firstLabel) }),
            labels: (0..<count).map { firstLabel + Int32($0) }, classNames: names)
    }

    @Test func pointCloudsRoundTripExactly() throws {
        let folder = try TemporaryFolder()
        let set = clouds(count: 3, points: 5, names: ["a", "b", "c"])
        try set.write(to: folder.file("pc.h5"))
        #expect(try PointCloudSet.read(from: folder.file("pc.h5")) == set)
        let big = PointCloudSet(points: Tensor(shape: [2, 1, 3]), labels: [0, 300])
        try big.write(to: folder.file("big.h5"))
        #expect(try PointCloudSet.read(from: folder.file("big.h5")) == big)
        #expect(try HDF5File.read(folder.file("big.h5")) { try $0.info(at: "label").dataType } == .int32)
        #expect(
            try HDF5File.read(folder.file("pc.h5")) { try $0.info(at: "label") }
                == HDF5DatasetInfo(shape: [3, 1], dataType: .uint8))
    }

    @Test func folderAndPatternConcatenateFilesInNaturalNameOrder() throws {
        let folder = try TemporaryFolder()
        for (index, label) in [(0, 0), (1, 10), (2, 20), (10, 30)] {
            try clouds(count: 2, points: 4, firstLabel: Int32(label)).write(
                to: folder.file("ply_data_train\(index).h5"))
        }
        try clouds(count: 1, points: 4, firstLabel: 99).write(to: folder.file("ply_data_test0.h5"))
        let train = try PointCloudSet.read(from: folder.file("ply_data_train*.h5"))
        #expect(train.labels == [0, 1, 10, 11, 20, 21, 30, 31])
        #expect(train.points.shape == [8, 4, 3])
        #expect(train.points[6, 0, 0] == 30)
        let all = try PointCloudSet.read(from: folder.path)
        #expect(all.labels == [99, 0, 1, 10, 11, 20, 21, 30, 31])
        try clouds(count: 1, points: 7).write(to: folder.file("ply_data_train3.h5"))
        do {
            _ = try PointCloudSet.read(from: folder.file("ply_data_train*.h5"))
            Issue.record("mismatched point counts were accepted")
        } catch let error as HDF5Error {
            #expect(error.reason == .wrongShape)
            #expect(error.file == folder.file("ply_data_train3.h5"))
            #expect(error.message.contains("clouds have 7 points, but"))
        }
    }

    @Test func layoutInsideAGroupIsAddressedLikeH5ls() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("nested.h5")
        let set = clouds(count: 2, points: 3, names: ["x", "y"])
        try HDF5File.write(to: path) { file in try set.write(into: file, group: "runs/a/train") }
        #expect(try PointCloudSet.read(from: path + "/runs/a/train") == set)
        #expect(try HDF5Source.resolve(path + "/runs/a/train") == HDF5Source(files: [path], group: "/runs/a/train"))
        #expect(throws: HDF5Error.self) { _ = try PointCloudSet.read(from: path + "/runs/b") }
    }

    @Test func labelsAsVectorOfAnyIntegerTypeAndClassNamesAsDatasetAreAccepted() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("alt.h5")
        try HDF5File.write(to: path) { file in
            try file.write(Tensor(shape: [3, 2, 3], repeating: 0.5), at: "data")
            try file.write([Int64(2), 0, 1], shape: [3], at: "label")
            try file.write(strings: ["p", "q", "r"], at: "class_names")
        }
        let set = try PointCloudSet.read(from: path)
        #expect(set.labels == [2, 0, 1])
        #expect(set.classNames == ["p", "q", "r"])
    }

    @Test func graphsRoundTripExactly() throws {
        let folder = try TemporaryFolder()
        let set = GraphSet(
            features: Tensor(shape: [6, 3], scalars: (0..<18).map { Float($0) / 3 }), sources: [0, 1, 2, 4, 5],
            targets: [1, 2, 0, 5, 3], graphPointer: [0, 3, 3, 6], labels: [2, 0, 1])
        try set.write(to: folder.file("g.h5"), group: "graphs")
        #expect(try GraphSet.read(from: folder.file("g.h5") + "/graphs") == set)
        #expect(set.graph(ofNode: 3) == 2)
        #expect(set.validationProblem() == nil)
    }

    @Test func layoutsAreDetectedPerGroup() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("mixed.h5")
        try HDF5File.write(to: path) { file in
            try clouds(count: 1, points: 2).write(into: file, group: "clouds")
            try GraphSet(
                features: Tensor(shape: [1, 1]), sources: [], targets: [], graphPointer: [0, 1], labels: [0]
            ).write(into: file, group: "graphs")
            try file.writeTensors(["w": Tensor(shape: [1])], under: "model")
            try file.setAttribute(HDF5Layout.kindAttribute, to: .string("model"), at: "model")
            try file.createGroup("zoo")
            try file.setAttribute(HDF5Layout.kindAttribute, to: .string("zoo"), at: "zoo")
            try file.write([Float(1)], shape: [1], at: "plain/x")
            try file.write([Float(1)], shape: [1], at: "gnn/edge1/weight")
            try file.setAttribute("format", to: .string("tandem-model"), at: "gnn")
            try file.setAttribute("format", to: .string("tandem-zoo"), at: "plain")
            try file.setAttribute("format", to: .string("numpy"), at: "clouds")
        }
        try HDF5File.read(path) { (file: HDF5File) throws in
            #expect(try HDF5Layout.detect(in: file) == .other)
            #expect(try HDF5Layout.detect(in: file, group: "plain") == .tagged("zoo"))
            #expect(
                try HDF5Layout.scan(file) == [
                    HDF5LayoutMatch(group: "/clouds", layout: .pointClouds),
                    HDF5LayoutMatch(group: "/gnn", layout: .model),
                    HDF5LayoutMatch(group: "/graphs", layout: .graphs),
                    HDF5LayoutMatch(group: "/model", layout: .model),
                    HDF5LayoutMatch(group: "/plain", layout: .tagged("zoo")),
                    HDF5LayoutMatch(group: "/zoo", layout: .tagged("zoo")),
                ])
        }
    }

    @Test func namesSortNaturally() {
        #expect(
            HDF5Source.naturallySorted(["a10.h5", "a2.h5", "a1.h5", "b.h5", "a02.h5"])
                == ["a1.h5", "a2.h5", "a02.h5", "a10.h5", "b.h5"])
    }
}
