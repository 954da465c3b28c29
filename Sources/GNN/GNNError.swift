/// An error from the GNN module; its text names where it comes from (a file, or the operation such as
/// `train`) and says what is wrong.
public struct GNNError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file or operation the error is about.
    public let origin: String
    /// What is wrong, naming the HDF5 object, attribute or setting.
    public let message: String

    /// Creates an error about `origin`.
    public init(origin: String, message: String) {
        self.origin = origin
        self.message = message
    }

    /// `<origin>: <message>`.
    public var description: String { "\(origin): \(message)" }
}
