import Foundation

/// Writes files all at once: to a temporary name in the same directory, then renamed over the target, so a
/// crash never leaves a half-written file.
public enum AtomicFile {
    /// Writes `text` (UTF-8) to `path` atomically.
    public static func write(_ text: String, to path: String) throws(FileError) {
        let temporary = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
            throw FileError(path: path, problem: "cannot write (does the directory exist?)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw FileError(path: path, problem: "cannot replace: \(reason)")
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
