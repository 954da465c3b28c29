/// A profiling, lookup-table or estimate failure, naming where (a file, a table, a key) and what to do.
public struct ProfileError: Error, Sendable, CustomStringConvertible {
    /// The file, table or architecture concerned.
    public var origin: String
    /// What is wrong and how to fix it.
    public var message: String

    /// An error from its parts.
    public init(origin: String, message: String) {
        self.origin = origin
        self.message = message
    }

    /// `origin: message`.
    public var description: String { "\(origin): \(message)" }
}
