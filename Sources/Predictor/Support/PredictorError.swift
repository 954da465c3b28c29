/// An error from the Predictor module; its text names where it comes from (a file, or the operation such as
/// `predictor train`) and says what is wrong and how to fix it.
public struct PredictorError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file or operation the error is about.
    public let origin: String
    /// What is wrong, naming the dataset, attribute or setting.
    public let message: String

    /// Creates an error about `origin`.
    public init(origin: String, message: String) {
        self.origin = origin
        self.message = message
    }

    /// `<origin>: <message>`.
    public var description: String { "\(origin): \(message)" }
}
