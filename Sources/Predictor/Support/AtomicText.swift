import Foundation

/// Writes a text file all at once: to a temporary name in the same directory, then renamed over the target,
/// so a crash never leaves a half-written file (the same rule as `HDF5File.write`; Workbench's `AtomicFile`
/// lives above this module).
enum AtomicText {
    /// Writes `text` (UTF-8) to `path` atomically.
    static func write(_ text: String, to path: String) throws(PredictorError) {
        let temporary = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
            throw PredictorError(origin: path, message: "cannot write the file (does the directory exist?)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw PredictorError(origin: path, message: "cannot replace the file: \(reason)")
        }
    }
}
