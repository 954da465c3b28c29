/// A co-inference failure that names what and where (endpoint, request, model) and how to fix it.
public struct CoInferenceError: Error, CustomStringConvertible, Sendable {
    /// Where: an endpoint such as `127.0.0.1:7000`, or a request.
    public var origin: String
    /// What went wrong and what to do.
    public var message: String

    /// An error at `origin`.
    public init(origin: String, message: String) {
        self.origin = origin
        self.message = message
    }

    /// `origin: message`.
    public var description: String { "\(origin): \(message)" }
}
