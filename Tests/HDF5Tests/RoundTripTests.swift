import Foundation
import HDF5
import Tensor
import Testing

/// Round trips through Tandem's own reader and writer: each value written is compared with the literal
/// input (exact equality; no arithmetic happens between write and read).
@Suite struct RoundTripTests {
    static let shapes: [[Int]] = [[5], [2, 3], [2, 3, 4], [2, 1, 3, 2]]

    func roundTrip<T: HDF5Element>(_ type: T.Type, shape: [Int], make: (Int) -> T, options: HDF5WriteOptions)
        throws
    {
        let folder = try TemporaryFolder()
        let path = folder.file("t.h5")
        let values = (0..<shape.reduce(1, *)).map(make)
        try HDF5File.write(to: path) { file in try file.write(values, shape: shape, at: "a/b/values", options: options)
        }
        let read = try HDF5File.read(path) { file in try file.read(T.self, at: "/a/b/values") }
        #expect(read.shape == shape)
        #expect(read.values == values)
        let info = try HDF5File.read(path) { try $0.info(at: "a/b/values") }
        #expect(info == HDF5DatasetInfo(shape: shape, dataType: T.hdf5Type))
    }

    @Test(arguments: shapes, [HDF5WriteOptions.plain, .compressed])
    func everyWrittenTypeAndRankReadsBackExactly(shape: [Int], options: HDF5WriteOptions) throws {
        try roundTrip(Float.self, shape: shape, make: { Float($0) * 0.37 - 1.5 }, options: options)
        try roundTrip(Double.self, shape: shape, make: { Double($0) * 1e-7 + 1e10 }, options: options)
        try roundTrip(Int64.self, shape: shape, make: { Int64($0) * 1_000_000_007 - (1 << 40) }, options: options)
        try roundTrip(Int32.self, shape: shape, make: { Int32($0) * 65_537 - 1 }, options: options)
        try roundTrip(UInt8.self, shape: shape, make: { UInt8(($0 * 37) % 256) }, options: options)
        try roundTrip(Int16.self, shape: shape, make: { Int16($0 * 1000 - 3000) }, options: options)
        try roundTrip(UInt16.self, shape: shape, make: { UInt16($0 * 2000) }, options: options)
        try roundTrip(Int8.self, shape: shape, make: { Int8($0 - 10) }, options: options)
    }

    @Test func scalarAndEmptyDatasetsRoundTrip() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("s.h5")
        try HDF5File.write(to: path) { file in
            try file.write([Float(2.5)], shape: [], at: "scalar")
            try file.write([Int64](), shape: [0, 3], at: "empty", options: .compressed)
        }
        try HDF5File.read(path) { (file: HDF5File) throws in
            #expect(try file.read(Float.self, at: "scalar") == HDF5Array(shape: [], values: [2.5]))
            #expect(try file.read(Int64.self, at: "empty") == HDF5Array(shape: [0, 3], values: []))
        }
    }

    @Test func smallIntegerTypesReadAsWiderTypesWithoutLoss() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("w.h5")
        try HDF5File.write(to: path) { file in
            try file.write([UInt8(0), 7, 255], shape: [3, 1], at: "label")
            try file.write([Int16(-300), 300], shape: [2], at: "i16")
            try file.write([UInt16(65535), 1], shape: [2], at: "u16")
            try file.write([Int8(-128), 127], shape: [2], at: "i8")
            try file.write([Float(0.1), 2], shape: [2], at: "f32")
        }
        try HDF5File.read(path) { (file: HDF5File) throws in
            #expect(try file.read(Int32.self, at: "label") == HDF5Array(shape: [3, 1], values: [0, 7, 255]))
            #expect(try file.read(Int32.self, at: "i16").values == [-300, 300])
            #expect(try file.read(Int64.self, at: "u16").values == [65535, 1])
            #expect(try file.read(Float.self, at: "i8").values == [-128, 127])
            #expect(try file.read(Double.self, at: "f32").values == [Double(Float(0.1)), 2])
            #expect(try file.readIntegers(at: "label").values == [0, 7, 255])
        }
    }

    @Test func attributesOfEveryKindRoundTrip() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("a.h5")
        let values: [String: HDF5AttributeValue] = [
            "name": .string("Möbius ✓"), "names": .strings(["a", "", "long name"]), "count": .int(-42),
            "counts": .ints([1, 2, 1 << 40]), "rate": .double(0.125), "rates": .doubles([1.5, -2]),
        ]
        try HDF5File.write(to: path) { file in
            try file.write([Float(1)], shape: [1], at: "g/d")
            for (name, value) in values {
                try file.setAttribute(name, to: value)
                try file.setAttribute(name, to: value, at: "g/d")
            }
            try file.setAttribute("count", to: .int(7))
        }
        try HDF5File.read(path) { (file: HDF5File) throws in
            #expect(try file.attributeNames() == values.keys.sorted())
            for (name, value) in values where name != "count" {
                #expect(try file.attribute(name) == value)
                #expect(try file.attribute(name, at: "/g/d") == value)
            }
            #expect(try file.attribute("count") == .int(7))
            #expect(try file.attributes(at: "g/d") == values)
            #expect(try file.attributeIfPresent("missing") == nil)
        }
    }

    @Test func nestedGroupsAreCreatedAndListed() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("g.h5")
        try HDF5File.write(to: path) { file in
            try file.createGroup("a/b/c")
            try file.write([Int32(1), 2], shape: [2], at: "a/x")
            try file.createGroup("a/b")
        }
        try HDF5File.read(path) { (file: HDF5File) throws in
            #expect(try file.kind(at: "a/b/c") == .group)
            #expect(try file.kind(at: "/a/x") == .dataset)
            #expect(try file.kind(at: "a/nope/deeper") == nil)
            #expect(try file.exists("a/b"))
            #expect(try file.children(of: "a").map(\.name) == ["b", "x"])
            let listing = try file.list()
            #expect(listing.map(\.path) == ["/a", "/a/b", "/a/b/c", "/a/x"])
            #expect(listing.map(\.kind) == [.group, .group, .group, .dataset])
            #expect(listing[3].info == HDF5DatasetInfo(shape: [2], dataType: .int32))
            #expect(listing[3].info?.description == "int32 [2]")
        }
    }

    @Test func stringDatasetsRoundTrip() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("s.h5")
        try HDF5File.write(to: path) { try $0.write(strings: ["sphere", "cube", "ü"], at: "class_names") }
        #expect(try HDF5File.read(path) { try $0.readStrings(at: "class_names") } == ["sphere", "cube", "ü"])
    }

    @Test func tensorDictionaryRoundTripsWithNestedNames() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("m.h5")
        let tensors: [String: Tensor] = [
            "pos3/combine/weight": Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6]),
            "pos3/combine/bias": Tensor(shape: [3], scalars: [0.5, -0.5, 0]),
            "head/fc1/weight": Tensor(shape: [1, 1, 2, 2], scalars: [9, 8, 7, 6]),
            "scale": Tensor(shape: [], scalars: [3]),
        ]
        try HDF5File.write(to: path) { file in try file.writeTensors(tensors, under: "weights") }
        let read = try HDF5File.read(path) { try $0.readTensors(under: "weights") }
        #expect(read == tensors)
        let single = try HDF5File.read(path) { try $0.readTensor(at: "weights/pos3/combine/weight") }
        #expect(single == tensors["pos3/combine/weight"])
    }

    @Test func readWriteModeEditsAnExistingFileInPlace() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("e.h5")
        try HDF5File.write(to: path) { try $0.write([Int64(1)], shape: [1], at: "x") }
        let file = try HDF5File.open(path, mode: .readWrite)
        try file.write([Int64(2), 3], shape: [2], at: "x")
        try file.write([Int64(4)], shape: [1], at: "y")
        try file.remove("y")
        file.close()
        try HDF5File.read(path) { (file: HDF5File) throws in
            #expect(try file.read(Int64.self, at: "x").values == [2, 3])
            #expect(try file.exists("y") == false)
        }
    }
}
