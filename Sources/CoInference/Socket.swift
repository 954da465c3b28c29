import Glibc
import Synchronization

/// A connected or listening TCP socket (a thin wrapper over its descriptor; closes once).
final class Socket: Sendable {
    /// The descriptor (-1 once closed).
    private let descriptor: Mutex<Int32>
    /// For messages: the peer or the local address.
    let name: String

    init(fd: Int32, name: String) {
        descriptor = Mutex(fd)
        self.name = name
    }

    deinit { close() }

    var fd: Int32 { descriptor.withLock { $0 } }

    /// Closes the descriptor (once).
    func close() {
        let fd = descriptor.withLock { fd -> Int32 in
            defer { fd = -1 }
            return fd
        }
        if fd >= 0 { _ = Glibc.close(fd) }
    }

    /// Stops reading (a blocked `receive` returns 0) or both directions, without releasing the descriptor.
    func shutdown(reading: Bool, writing: Bool) {
        let how = reading && writing ? SHUT_RDWR : (reading ? SHUT_RD : SHUT_WR)
        let fd = self.fd
        if fd >= 0 { _ = Glibc.shutdown(fd, Int32(how)) }
    }

    /// Writes every byte of `bytes[range]` or throws.
    func sendAll(_ bytes: [UInt8], _ range: Range<Int>) throws(CoInferenceError) {
        let fd = self.fd
        var offset = range.lowerBound
        while offset < range.upperBound {
            let n = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return Glibc.send(fd, base + offset, range.upperBound - offset, Int32(MSG_NOSIGNAL))
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw CoInferenceError(origin: name, message: "send failed: \(errnoText())") }
            offset += n
        }
    }

    /// Reads up to `buffer.count` bytes; 0 means the peer closed; throws on an error.
    func receive(into buffer: inout [UInt8]) throws(CoInferenceError) -> Int {
        let fd = self.fd
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw CoInferenceError(origin: name, message: "receive failed: \(errnoText())") }
            return n
        }
    }

    /// A socket listening on `endpoint` (SO_REUSEADDR); its actual port is `localPort`.
    static func listen(_ endpoint: Endpoint, backlog: Int32 = 128) throws(CoInferenceError) -> Socket {
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw CoInferenceError(origin: "\(endpoint)", message: "socket: \(errnoText())") }
        var one: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = try socketAddress(endpoint)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, Glibc.listen(fd, backlog) == 0 else {
            let text = errnoText()
            _ = Glibc.close(fd)
            throw CoInferenceError(origin: "\(endpoint)", message: "cannot listen: \(text) (is the port in use?)")
        }
        return Socket(fd: fd, name: "\(endpoint)")
    }

    /// The local port (after binding port 0, the one the kernel chose).
    var localPort: UInt16 {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return UInt16(bigEndian: address.sin_port)
    }

    /// Accepts one connection; nil once the listening socket is shut down.
    func accept() -> Socket? {
        while true {
            var address = sockaddr_in()
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let client = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.accept(fd, $0, &length) }
            }
            if client < 0 && (errno == EINTR || errno == ECONNABORTED) { continue }
            guard client >= 0 else { return nil }
            Socket.noDelay(client)
            var text = [CChar](repeating: 0, count: 32)
            _ = inet_ntop(AF_INET, &address.sin_addr, &text, 32)
            let host = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return Socket(fd: client, name: "\(host):\(UInt16(bigEndian: address.sin_port))")
        }
    }

    /// A socket connected to `endpoint`, giving up after `timeout` seconds.
    static func connect(_ endpoint: Endpoint, timeout: Double = 2) throws(CoInferenceError) -> Socket {
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw CoInferenceError(origin: "\(endpoint)", message: "socket: \(errnoText())") }
        var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1e6))
        _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = try socketAddress(endpoint)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let text = errnoText()
            _ = Glibc.close(fd)
            throw CoInferenceError(
                origin: "\(endpoint)", message: "cannot connect: \(text) (is `tandem edge` running?)")
        }
        var none = timeval()
        _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &none, socklen_t(MemoryLayout<timeval>.size))
        noDelay(fd)
        return Socket(fd: fd, name: "\(endpoint)")
    }

    private static func noDelay(_ fd: Int32) {
        var one: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    private static func socketAddress(_ endpoint: Endpoint) throws(CoInferenceError) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = endpoint.port.bigEndian
        guard inet_pton(AF_INET, endpoint.host, &address.sin_addr) == 1 else {
            throw CoInferenceError(
                origin: "\(endpoint)", message: "'\(endpoint.host)' is not an IPv4 address (write e.g. 127.0.0.1)")
        }
        return address
    }
}

/// The text of the current `errno`.
func errnoText() -> String { String(cString: strerror(errno)) }

/// Reads frames from a socket through a decoder.
struct FrameReader {
    let socket: Socket
    var decoder: FrameDecoder
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)

    init(socket: Socket, limits: WireLimits) {
        self.socket = socket
        decoder = FrameDecoder(limits: limits)
    }

    /// The next frame, nil when the peer closed cleanly between frames; throws a `WireError` for a bad frame
    /// and a `CoInferenceError` when the socket fails.
    mutating func next() throws -> Frame? {
        while true {
            if let frame = try decoder.next() { return frame }
            let n = try socket.receive(into: &buffer)
            if n == 0 {
                try decoder.finish()
                return nil
            }
            decoder.append(buffer[0..<n])
        }
    }
}
