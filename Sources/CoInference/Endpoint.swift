/// A TCP endpoint: an IPv4 address (or `localhost`) and a port.
public struct Endpoint: Sendable, Hashable, CustomStringConvertible {
    /// Dotted IPv4 address.
    public var host: String
    /// The port (0 = an ephemeral port chosen by the kernel when listening).
    public var port: UInt16

    /// An endpoint.
    public init(host: String, port: UInt16) {
        self.host = host == "localhost" ? "127.0.0.1" : host
        self.port = port
    }

    /// Parses `HOST:PORT` (or just `PORT`, on 127.0.0.1); nil if it is not one.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 1, let port = UInt16(parts[0]) {
            self.init(host: "127.0.0.1", port: port)
        } else if parts.count == 2, !parts[0].isEmpty, let port = UInt16(parts[1]) {
            self.init(host: String(parts[0]), port: port)
        } else {
            return nil
        }
    }

    /// `host:port`.
    public var description: String { "\(host):\(port)" }
}
