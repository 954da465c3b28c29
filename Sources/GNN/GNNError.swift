/// An error from the GNN module; its text names the file and object and says what is wrong.
public struct GNNError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file the error is about.
    public let file: String
    /// What is wrong, naming the HDF5 object or attribute.
    public let message: String

    /// Creates an error about `file`.
    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    /// `<file>: <message>`.
    public var description: String { "\(file): \(message)" }
}
