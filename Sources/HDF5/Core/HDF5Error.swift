/// An error from reading or writing an HDF5 file; its text names the file, the object and what is wrong,
/// e.g. `data.h5: dataset '/label' has 2 dimensions, expected [N, 1]`.
public struct HDF5Error: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong, for code that reacts to the kind of failure (messages are for people).
    public enum Reason: String, Sendable, Equatable {
        /// The file (or folder) does not exist.
        case noSuchFile
        /// The file exists but is not an HDF5 file.
        case notHDF5
        /// The file is HDF5 but could not be opened or read: truncated, damaged, locked or unreadable.
        case damaged
        /// The file could not be created, written, renamed or removed.
        case cannotWrite
        /// No object exists at the given path.
        case noSuchObject
        /// The object exists but is of the wrong kind (a group where a dataset was expected, or the reverse).
        case wrongKind
        /// A dataset has the wrong number of dimensions or the wrong extent in one of them.
        case wrongShape
        /// A dataset or attribute has a data type that cannot be read as requested without loss.
        case wrongType
        /// The values break a rule of a file layout (graph offsets, edge indices, labels, matching sizes).
        case invalidContent
        /// The caller asked for something impossible (an empty path, a closed file, a bad option).
        case invalidRequest
        /// The HDF5 library reported a failure not covered above.
        case library
    }

    /// The file the error is about, as the caller named it.
    public let file: String
    /// The HDF5 object path (e.g. `/label`), or nil when the error concerns the whole file.
    public let object: String?
    /// The kind of failure.
    public let reason: Reason
    /// What is wrong, naming the object: `dataset '/label' has 2 dimensions, expected [N, 1]`.
    public let message: String

    /// Creates an error; `message` should name the object and say what is wrong.
    public init(file: String, object: String? = nil, reason: Reason, message: String) {
        self.file = file
        self.object = object
        self.reason = reason
        self.message = message
    }

    /// `<file>: <message>`.
    public var description: String { "\(file): \(message)" }
}
