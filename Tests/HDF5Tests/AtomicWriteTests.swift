import Foundation
import HDF5
import Testing

/// New files appear only when complete: an error inside the write, or a file never committed, leaves neither
/// the file nor its temporary; an existing file is replaced only on success.
@Suite struct AtomicWriteTests {
    struct Stop: Error {}

    @Test func errorInsideTheWriteLeavesNoFileAndNoTemporary() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("out.h5")
        #expect(throws: Stop.self) {
            try HDF5File.write(to: path) { file in
                try file.write([Float(1), 2], shape: [2], at: "x")
                #expect(try folder.contents().count == 1)
                throw Stop()
            }
        }
        #expect(try folder.contents() == [])
    }

    @Test func fileNeverCommittedIsRemovedOnClose() throws {
        let folder = try TemporaryFolder()
        do {
            let file = try HDF5File.create(folder.file("never.h5"))
            try file.write([Int64(1)], shape: [1], at: "x")
            #expect(try folder.contents().count == 1)
        }
        #expect(try folder.contents() == [])
    }

    @Test func committedFileAppearsUnderItsNameOnly() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("done.h5")
        let file = try HDF5File.create(path)
        #expect(file.temporaryPath != path)
        try file.write([Int64(1)], shape: [1], at: "x")
        #expect(FileManager.default.fileExists(atPath: path) == false)
        try file.commit()
        #expect(try folder.contents() == ["done.h5"])
        #expect(try HDF5File.read(path) { try $0.read(Int64.self, at: "x").values } == [1])
        #expect(throws: HDF5Error.self) { try file.write([Int64(2)], shape: [1], at: "y") }
    }

    @Test func failedRewriteKeepsTheOldFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("keep.h5")
        try HDF5File.write(to: path) { try $0.write([Int64(1)], shape: [1], at: "x") }
        #expect(throws: Stop.self) {
            try HDF5File.write(to: path) { file in
                try file.write([Int64(2)], shape: [1], at: "x")
                throw Stop()
            }
        }
        #expect(try folder.contents() == ["keep.h5"])
        #expect(try HDF5File.read(path) { try $0.read(Int64.self, at: "x").values } == [1])
    }

    @Test func sameContentGivesByteIdenticalFiles() throws {
        let folder = try TemporaryFolder()
        for name in ["one.h5", "two.h5"] {
            try HDF5File.write(to: folder.file(name)) { file in
                try file.write([Float(1), 2, 3], shape: [3], at: "a/b/x", options: .compressed)
                try file.createGroup("empty")
                try file.setAttribute("note", to: .string("same"), at: "a")
            }
            Thread.sleep(forTimeInterval: 1.1)
        }
        let one = try Data(contentsOf: URL(fileURLWithPath: folder.file("one.h5")))
        let two = try Data(contentsOf: URL(fileURLWithPath: folder.file("two.h5")))
        #expect(one == two)
    }
}
