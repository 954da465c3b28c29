import CoInference
import Glibc

/// A bare TCP client for feeding an edge server bytes it must refuse.
enum RawClient {
    struct Failure: Error { let message: String }

    /// A connection kept open until `close`.
    final class Open {
        let fd: Int32
        init(fd: Int32) { self.fd = fd }
        func close() { _ = Glibc.close(fd) }
    }

    /// Connects, sends `bytes`, waits for the first answer frame and keeps the connection open.
    static func open(_ endpoint: Endpoint, _ bytes: [UInt8]) throws -> Open {
        let fd = try connected(endpoint)
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        _ = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        return Open(fd: fd)
    }

    /// A socket connected to `endpoint`.
    static func connected(_ endpoint: Endpoint) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = endpoint.port.bigEndian
        _ = inet_pton(AF_INET, endpoint.host, &address.sin_addr)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(fd)
            throw Failure(message: "connect failed")
        }
        return fd
    }

    /// Connects, sends `bytes`, and returns the first frame the server answers with.
    static func exchange(_ endpoint: Endpoint, _ bytes: [UInt8]) throws -> Frame {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = endpoint.port.bigEndian
        _ = inet_pton(AF_INET, endpoint.host, &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw Failure(message: "connect failed") }
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        shutdown(fd, Int32(SHUT_WR))
        var decoder = FrameDecoder()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            if let frame = try decoder.next() { return frame }
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { throw Failure(message: "closed without an answer") }
            decoder.append(buffer[0..<n])
        }
    }
}
