import Foundation
import HDF5
import Testing

@testable import Design

@Suite struct RootAttributesTests {
    @Test func aMissingSpaceAttributeIsNamedWithTheFile() throws {
        let path = temporaryPath("space-missing")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try HDF5File.write(to: path) { file in
            try DesignSpace.small.writeAttributes(to: file)
            try file.setAttribute("space_k", to: .string("twenty"))
        }
        let file = try HDF5File.open(path)
        defer { file.close() }
        let error = #expect(throws: DesignError.self) { try DesignSpace.read(from: file, path: path) }
        #expect(error?.description == "\(path): root attribute 'space_k' is not an integer")
    }

    @Test func readersNameTheMissingAttributeAndTheWrongType() throws {
        let path = temporaryPath("attributes")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try HDF5File.write(to: path) { file in
            try file.setAttribute("count", to: .int(3))
            try file.setAttribute("label", to: .string("x"))
        }
        let file = try HDF5File.open(path)
        defer { file.close() }
        do {
            let attributes = RootAttributes(file: file, path: path)
            #expect(try attributes.int("count") == 3)
            #expect(try attributes.ints("count") == [3])
            #expect(try attributes.real("count") == 3)
            #expect(throws: DesignError.file(path: path, detail: "root attribute 'gone' is missing")) {
                try attributes.value("gone")
            }
            #expect(throws: DesignError.file(path: path, detail: "root attribute 'label' is not a number")) {
                try attributes.real("label")
            }
            #expect(throws: DesignError.file(path: path, detail: "root attribute 'label' is not a list of integers")) {
                try attributes.ints("label")
            }
        }
    }
}
