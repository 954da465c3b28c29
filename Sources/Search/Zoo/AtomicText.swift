import Foundation

/// Writes a text file to a temporary name in the same directory and renames it over `path`, so a crash
/// never leaves a half-written file (the same rule as Workbench's `AtomicFile`, which Search cannot import).
enum AtomicText {
    /// Writes `text` (UTF-8) to `path`; throws `SearchError.file` naming the path and the reason.
    static func write(_ text: String, to path: String) throws(SearchError) {
        let temporary = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
            throw .file(path: path, detail: "cannot write (does the directory exist?)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .file(path: path, detail: "cannot replace: \(reason)")
        }
    }
}
