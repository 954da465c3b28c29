import Foundation

/// Where a data set lives: one or more files and the group inside each that holds the layout.
///
/// Written forms: `data.h5` (root group), `data.h5/train` (a group, as h5ls names objects), a folder (every
/// `*.h5` in it, in natural name order: `x2.h5` before `x10.h5`), or a pattern in the last component
/// (`modelnet/ply_data_train*.h5`, `*` `?` `[...]` as in the shell).
public struct HDF5Source: Sendable, Equatable {
    /// The files, in the order their contents are concatenated.
    public var files: [String]
    /// The object path of the group holding the layout inside every file (`/` for the root).
    public var group: String

    /// Creates a source from files and a group path.
    public init(files: [String], group: String = "/") {
        self.files = files
        self.group = HDF5Path.normalize(group)
    }

    /// Resolves a written source (see the type's documentation); throws `noSuchFile` naming what is missing.
    public static func resolve(_ text: String) throws -> HDF5Source {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: text, isDirectory: &isFolder) {
            if !isFolder.boolValue { return HDF5Source(files: [text]) }
            let names = try folderNames(text).filter { $0.hasSuffix(".h5") && !$0.hasPrefix(".") }
            guard !names.isEmpty else {
                throw HDF5Error(file: text, reason: .noSuchFile, message: "folder contains no .h5 files")
            }
            return HDF5Source(files: naturallySorted(names).map { (text as NSString).appendingPathComponent($0) })
        }
        let url = URL(fileURLWithPath: text)
        let pattern = url.lastPathComponent
        if pattern.contains(where: { "*?[".contains($0) }) {
            let folder = (text as NSString).deletingLastPathComponent
            let names = try folderNames(folder.isEmpty ? "." : folder).filter {
                fnmatch(pattern, $0, 0) == 0 && !$0.hasPrefix(".")
            }
            guard !names.isEmpty else {
                throw HDF5Error(file: text, reason: .noSuchFile, message: "no file matches '\(pattern)'")
            }
            return HDF5Source(
                files: naturallySorted(names).map {
                    folder.isEmpty ? $0 : (folder as NSString).appendingPathComponent($0)
                })
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for split in stride(from: parts.count - 1, through: 1, by: -1) {
            let prefix = parts[..<split].joined(separator: "/")
            if prefix.isEmpty { continue }
            if manager.fileExists(atPath: prefix, isDirectory: &isFolder) {
                if isFolder.boolValue { break }
                return HDF5Source(files: [prefix], group: parts[split...].joined(separator: "/"))
            }
        }
        let fileEnd = parts.firstIndex { $0.hasSuffix(".h5") || $0.hasSuffix(".hdf5") }
        let missing = fileEnd.map { parts[...$0].joined(separator: "/") } ?? text
        throw HDF5Error(file: missing, reason: .noSuchFile, message: "no such file")
    }

    /// Sorts names so that embedded numbers compare by value (`train2` before `train10`).
    public static func naturallySorted(_ names: [String]) -> [String] {
        names.sorted { lhs, rhs in naturalKey(lhs).lexicographicallyPrecedes(naturalKey(rhs)) { $0 < $1 } }
    }

    private static func naturalKey(_ name: String) -> [NaturalPart] {
        var parts: [NaturalPart] = []
        var digits = ""
        var text = ""
        for character in name {
            if character.isASCII && character.isNumber {
                if !text.isEmpty { parts.append(.text(text)); text = "" }
                digits.append(character)
            } else {
                if !digits.isEmpty { parts.append(.number(digits)); digits = "" }
                text.append(character)
            }
        }
        if !text.isEmpty { parts.append(.text(text)) }
        if !digits.isEmpty { parts.append(.number(digits)) }
        return parts
    }

    private static func folderNames(_ folder: String) throws -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw HDF5Error(file: folder, reason: .noSuchFile, message: "cannot list the folder")
        }
    }
}

/// A piece of a natural sort key: text compares as text, digits by numeric value, numbers before text.
private enum NaturalPart: Comparable {
    case number(String)
    case text(String)

    static func < (lhs: NaturalPart, rhs: NaturalPart) -> Bool {
        switch (lhs, rhs) {
        case (.number(let a), .number(let b)):
            let x = a.drop { $0 == "0" }
            let y = b.drop { $0 == "0" }
            return x.count != y.count ? x.count < y.count : (x != y ? x < y : a.count < b.count)
        case (.text(let a), .text(let b)): return a < b
        case (.number, .text): return true
        case (.text, .number): return false
        }
    }
}
