import Foundation

/// Writes files all at once: to a temporary name in the same directory (unique per call, so two writers never
/// share one), then renamed over the target, so a crash never leaves a half-written file. Every module writes
/// its text files (scripts, notebooks, SVG plots) through it.
public enum AtomicFile {
    /// Writes `text` (UTF-8) to `path` atomically.
    public static func write(_ text: String, to path: String) throws(FileError) {
        try createParentDirectory(of: path)
        let temporary = path + ".tmp-\(getpid())-\(UUID().uuidString.prefix(8))"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
            throw FileError(path: path, problem: "cannot write (does the directory exist?)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw FileError(path: path, problem: "cannot replace: \(reason)")
        }
    }

    /// Creates the directory that will hold `path` (and its parents) when missing.
    public static func createParentDirectory(of path: String) throws(FileError) {
        let parent = (path as NSString).deletingLastPathComponent
        guard !parent.isEmpty, !FileManager.default.fileExists(atPath: parent) else { return }
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw FileError(path: parent, problem: "cannot create the directory")
        }
    }

    /// The UTF-8 text of the file at `path`.
    public static func read(_ path: String) throws(FileError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw FileError(path: path, problem: exists ? "cannot read" : "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FileError(path: path, problem: "not UTF-8 text")
        }
        return text
    }
}

/// A file could not be read or written.
public struct FileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// What went wrong.
    public var problem: String
    /// `PATH: problem`.
    public var description: String { "\(path): \(problem)" }
}
