import Foundation
import HDF5
import Tensor
import Testing

/// Files written by h5py are read by Tandem, and files written by Tandem are read by h5py; values are compared
/// exactly (the reference is numpy's own data, passed through JSON with round-trip precision).
@Suite struct CrossCheckTests {
    @Test func filesWrittenByH5pyReadWithEqualValues() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("fixture.h5")
        let manifest = try PythonScripts.runJSON("h5_write_fixture.py", [path])
        let file = try HDF5File.open(path)
        defer { file.close() }
        let datasets = manifest["datasets"] as? [[String: Any]] ?? []
        #expect(datasets.count == 15)
        for entry in datasets {
            let name = entry["path"] as? String ?? ""
            let shape = ints(entry["shape"])
            let info = try file.info(at: name)
            #expect(info.shape == shape, "\(name)")
            #expect(info.dataType.rawValue == entry["dtype"] as? String, "\(name)")
            if info.dataType.isInteger {
                let read = try file.readIntegers(at: name)
                expectSame(read.values, int64s(entry["values"]), name)
            } else {
                let read = try file.read(Double.self, at: name)
                expectSame(read.values, doubles(entry["values"]), name)
                #expect(read.shape == shape)
            }
        }
        let strings = manifest["strings"] as? [String: [String]] ?? [:]
        for (name, expected) in strings { #expect(try file.readStrings(at: name) == expected, "\(name)") }
        #expect(try file.attribute("title") == .string("fixture ✓"))
        #expect(try file.attribute("count") == .int(42))
        #expect(try file.attribute("small_int") == .int(-7))
        #expect(try file.attribute("ratio") == .double(0.5))
        #expect(try file.attribute("ratio32") == .double(0.25))
        #expect(try file.attribute("ints") == .ints([1, 2, 3]))
        #expect(try file.attribute("doubles") == .doubles([1.5, -2.25]))
        #expect(try file.attribute("names") == .strings(["x", "yy"]))
        #expect(try file.attribute("unit", at: "f32_1d") == .string("m"))
        #expect(try file.read(Int32.self, at: "u8_2d").shape == [5, 1])

        let clouds = try PointCloudSet.read(from: path + "/modelnet")
        let reference = datasets.first { $0["path"] as? String == "/modelnet/data" }
        #expect(clouds.points.shape == [4, 8, 3])
        expectSame(clouds.points.scalars.map(Double.init), doubles(reference?["values"]), "modelnet/data")
        #expect(clouds.labels == [0, 2, 1, 2])
        #expect(clouds.classNames == ["airplane", "bathtub", "bed"])
        #expect(try HDF5Layout.detect(in: file, group: "modelnet") == .pointClouds)
    }

    @Test func filesWrittenByTandemReadByH5pyWithEqualValues() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("tandem.h5")
        let f32 = (0..<24).map { Float($0) * 0.1 - 1 }
        let i64 = (0..<6).map { Int64($0) * 3_000_000_000 - 7 }
        let graphs = GraphSet(
            features: Tensor(shape: [5, 2], scalars: (0..<10).map(Float.init)), sources: [0, 1, 3, 4],
            targets: [1, 2, 4, 3], graphPointer: [0, 3, 5], labels: [1, 0])
        let clouds = PointCloudSet(
            points: Tensor(shape: [2, 4, 3], scalars: (0..<24).map { Float($0) / 7 }), labels: [1, 0],
            classNames: ["a", "b"])
        try HDF5File.write(to: path) { file in
            try file.write(f32, shape: [2, 3, 4], at: "f32_3d")
            try file.write(f32, shape: [2, 3, 2, 2], at: "nested/deeper/f32_4d_gzip", options: .compressed)
            try file.write(f32.map(Double.init), shape: [24], at: "f64_1d")
            try file.write(i64, shape: [3, 2], at: "i64_2d", options: .compressed)
            try file.write([Int32(-5), 7, Int32.max], shape: [3], at: "i32_1d")
            try file.write([UInt8(0), 200, 255], shape: [3, 1], at: "u8_2d")
            try file.write(strings: ["sphere", "Möbius"], at: "names")
            try file.writeTensors(
                ["pos0/combine/weight": Tensor(shape: [1, 2], scalars: [0.5, -0.25])], under: "model")
            try clouds.write(into: file, group: "clouds")
            try graphs.write(into: file, group: "graphs")
            try file.setAttribute("title", to: .string("tandem ✓"))
            try file.setAttribute("epochs", to: .int(12))
            try file.setAttribute("loss", to: .doubles([0.5, 0.25]))
            try file.setAttribute("tags", to: .strings(["x", "y"]), at: "f32_3d")
        }
        let json = try PythonScripts.runJSON("h5_read_check.py", [path])
        let datasets = json["datasets"] as? [String: [String: Any]] ?? [:]
        func check(_ name: String, _ dtype: String, _ shape: [Int], _ values: [Double], gzip: Bool = false) {
            let entry = datasets[name]
            #expect(entry?["dtype"] as? String == dtype, "\(name)")
            #expect(ints(entry?["shape"]) == shape, "\(name)")
            expectSame(doubles(entry?["values"]), values, name)
            #expect((entry?["compression"] as? String) == (gzip ? "gzip" : nil), "\(name)")
            #expect((entry?["shuffle"] as? Bool) == gzip, "\(name)")
        }
        let f32Doubles = f32.map(Double.init)
        check("/f32_3d", "float32", [2, 3, 4], f32Doubles)
        check("/nested/deeper/f32_4d_gzip", "float32", [2, 3, 2, 2], f32Doubles, gzip: true)
        check("/f64_1d", "float64", [24], f32Doubles)
        expectSame(int64s(datasets["/i64_2d"]?["values"]), i64, "/i64_2d")
        check("/i64_2d", "int64", [3, 2], i64.map(Double.init), gzip: true)
        check("/i32_1d", "int32", [3], [-5, 7, Double(Int32.max)])
        check("/u8_2d", "uint8", [3, 1], [0, 200, 255])
        #expect(datasets["/names"]?["values"] as? [String] == ["sphere", "Möbius"])
        check("/model/pos0/combine/weight", "float32", [1, 2], [0.5, -0.25])
        check("/clouds/data", "float32", [2, 4, 3], clouds.points.scalars.map(Double.init), gzip: true)
        check("/clouds/label", "uint8", [2, 1], [1, 0], gzip: true)
        check("/graphs/edge_index", "int64", [2, 4], [0, 1, 3, 4, 1, 2, 4, 3], gzip: true)
        check("/graphs/graph_ptr", "int64", [3], [0, 3, 5], gzip: true)
        check("/graphs/y", "int64", [2], [1, 0], gzip: true)
        let attributes = json["attributes"] as? [String: [String: Any]] ?? [:]
        #expect(attributes["/"]?["title"] as? String == "tandem ✓")
        #expect(int64s([attributes["/"]?["epochs"] as Any]) == [12])
        #expect(doubles(attributes["/"]?["loss"]) == [0.5, 0.25])
        #expect(attributes["/f32_3d"]?["tags"] as? [String] == ["x", "y"])
        #expect(attributes["/clouds"]?["class_names"] as? [String] == ["a", "b"])
        #expect(attributes["/graphs"]?["tandem_kind"] as? String == "graphs")
        #expect(Set(json["groups"] as? [String] ?? []).isSuperset(of: ["/nested", "/nested/deeper", "/model/pos0"]))
    }
}
