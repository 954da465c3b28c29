import CHDF5
import Foundation

/// An open HDF5 file; closes its handle when closed or released.
///
/// Objects are addressed by path (`a/b/c` or `/a/b/c`, relative paths start at the root). Files made with
/// `create(_:)` are written under a temporary name in the same folder and appear under their real name only
/// on `commit()`; if never committed, the temporary file is removed. All calls are serialised on one lock
/// (the system HDF5 library is not thread-safe), so a file may be shared between tasks.
public final class HDF5File: @unchecked Sendable {
    /// How an existing file is opened.
    public enum Mode: Sendable, Equatable {
        /// Reading only.
        case readOnly
        /// Reading and writing in place (not atomic).
        case readWrite
    }

    /// The file's path as the caller named it (the final name for files being created).
    public let path: String
    /// Whether objects can be written.
    public let isWritable: Bool
    /// The temporary path a created file is written to until `commit()`; nil for opened files.
    public let temporaryPath: String?

    /// The HDF5 file id, or -1 once closed.
    var id: hid_t

    private init(path: String, id: hid_t, isWritable: Bool, temporaryPath: String?) {
        self.path = path
        self.id = id
        self.isWritable = isWritable
        self.temporaryPath = temporaryPath
    }

    deinit { close() }

    /// Whether the file is still open.
    public var isOpen: Bool { HDF5Library.locked { id >= 0 } }

    /// Opens an existing file; throws `noSuchFile`, `notHDF5` or `damaged` (truncated, unreadable) errors.
    public static func open(_ path: String, mode: Mode = .readOnly) throws -> HDF5File {
        try HDF5Library.locked {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw HDF5Error(file: path, reason: .noSuchFile, message: "no such file")
            }
            if isFolder.boolValue {
                throw HDF5Error(file: path, reason: .invalidRequest, message: "is a folder, not an HDF5 file")
            }
            let signature = H5Fis_hdf5(path)
            if signature == 0 {
                throw HDF5Error(file: path, reason: .notHDF5, message: "not an HDF5 file")
            }
            if signature < 0 {
                let detail = HDF5Library.lastErrorMessage().map { " (\($0))" } ?? ""
                throw HDF5Error(file: path, reason: .damaged, message: "cannot be read\(detail)")
            }
            let flags = mode == .readOnly ? tandem_H5F_ACC_RDONLY() : tandem_H5F_ACC_RDWR()
            let id = H5Fopen(path, flags, tandem_H5P_DEFAULT())
            guard id >= 0 else {
                let detail = HDF5Library.lastErrorMessage().map { ": \($0)" } ?? ""
                throw HDF5Error(
                    file: path, reason: .damaged,
                    message: "is an HDF5 file but cannot be opened; it may be truncated or damaged\(detail)")
            }
            return HDF5File(path: path, id: id, isWritable: mode == .readWrite, temporaryPath: nil)
        }
    }

    /// Starts a new file that will replace `path` on `commit()`; until then it lives at a temporary name in
    /// the same folder, which `close()` (or releasing the object) removes.
    public static func create(_ path: String) throws -> HDF5File {
        try HDF5Library.locked {
            let url = URL(fileURLWithPath: path)
            let folder = url.deletingLastPathComponent().path
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                throw HDF5Error(file: path, reason: .cannotWrite, message: "cannot create: no such folder '\(folder)'")
            }
            temporaryCounter += 1
            let temporary = url.deletingLastPathComponent()
                .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(temporaryCounter)").path
            let fcpl = H5Pcreate(tandem_H5P_FILE_CREATE())
            defer { H5Pclose(fcpl) }
            let id = H5Fcreate(temporary, tandem_H5F_ACC_TRUNC(), fcpl, tandem_H5P_DEFAULT())
            guard id >= 0 else {
                let detail = HDF5Library.lastErrorMessage().map { " (\($0))" } ?? ""
                throw HDF5Error(file: path, reason: .cannotWrite, message: "cannot create the file\(detail)")
            }
            return HDF5File(path: path, id: id, isWritable: true, temporaryPath: temporary)
        }
    }

    /// Finishes a file made by `create(_:)`: closes it and renames the temporary file to `path`.
    /// The object is closed afterwards. For opened files it only closes.
    public func commit() throws {
        try HDF5Library.locked {
            guard id >= 0 else {
                throw HDF5Error(file: path, reason: .invalidRequest, message: "cannot commit: the file is closed")
            }
            let status = H5Fclose(id)
            id = -1
            guard let temporary = temporaryPath else { return }
            guard status >= 0 else {
                unlink(temporary)
                throw HDF5Error(file: path, reason: .cannotWrite, message: "writing the file failed")
            }
            if rename(temporary, path) != 0 {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw HDF5Error(file: path, reason: .cannotWrite, message: "cannot rename the finished file: \(reason)")
            }
            committed = true
        }
    }

    /// Closes the file; a created file that was never committed is removed. Closing twice does nothing.
    public func close() {
        HDF5Library.locked {
            if id >= 0 {
                H5Fclose(id)
                id = -1
            }
            if let temporary = temporaryPath, !committed {
                unlink(temporary)
                committed = true
            }
        }
    }

    /// Writes a new file atomically: `body` fills it, then it is committed; if `body` throws, nothing is left.
    public static func write<R>(to path: String, _ body: (HDF5File) throws -> R) throws -> R {
        let file = try create(path)
        do {
            let result = try body(file)
            try file.commit()
            return result
        } catch {
            file.close()
            throw error
        }
    }

    /// Opens `path` read-only, runs `body`, and closes the file whatever happens.
    public static func read<R>(_ path: String, _ body: (HDF5File) throws -> R) throws -> R {
        let file = try open(path)
        defer { file.close() }
        return try body(file)
    }

    /// Whether a created file has been renamed into place (or its temporary removed).
    private var committed = false

    /// Distinguishes temporary names of files created by this process; guarded by the HDF5 lock.
    nonisolated(unsafe) private static var temporaryCounter = 0

    /// The open file id, or an `invalidRequest` error when the file is closed.
    func openID() throws -> hid_t {
        guard id >= 0 else { throw HDF5Error(file: path, reason: .invalidRequest, message: "the file is closed") }
        return id
    }

    /// The open file id if the file may be written, else an `invalidRequest` error naming `object`.
    func writableID(for object: String) throws -> hid_t {
        let id = try openID()
        guard isWritable else {
            throw HDF5Error(
                file: path, object: object, reason: .invalidRequest,
                message: "cannot write '\(object)': the file is open read-only")
        }
        return id
    }

    /// An error about this file.
    func failure(_ reason: HDF5Error.Reason, _ object: String?, _ message: String) -> HDF5Error {
        HDF5Error(file: path, object: object, reason: reason, message: message)
    }

    /// A `library` or `damaged` error for a failed C call, with HDF5's own most specific message appended.
    func libraryFailure(_ object: String, _ action: String, reason: HDF5Error.Reason = .library) -> HDF5Error {
        let detail = HDF5Library.lastErrorMessage().map { " (\($0))" } ?? ""
        return failure(reason, object, "\(action) '\(object)' failed\(detail)")
    }
}
