import Synchronization
import Systems

/// One live connection from a device to the edge: the socket, the agreed model id, and the two shaped
/// directions of the link.
final class DeviceConnection: Sendable {
    let socket: Socket
    let modelID: UInt32
    /// The uplink shaper; holding it also serialises writes to the socket.
    let uplink: Mutex<LinkShaper>
    /// The downlink shaper (receiver-side shaping).
    let downlink: Mutex<LinkShaper>

    private init(socket: Socket, modelID: UInt32, link: LinkProfile, clock: ClockMode, origin: Double) {
        self.socket = socket
        self.modelID = modelID
        uplink = Mutex(LinkShaper(link: link, clock: clock, origin: origin))
        downlink = Mutex(LinkShaper(link: link, clock: clock, origin: origin))
    }

    /// Connects, says hello and waits for the welcome; returns the connection and the reader for replies,
    /// its two directions shaped by `link`. Throws a `WireFailure` when the edge refuses the model, a
    /// `CoInferenceError` when it cannot be reached.
    static func open(
        _ endpoint: Endpoint, hello: Hello, options: DeviceOptions, link: LinkProfile, origin: Double
    ) throws -> (DeviceConnection, FrameReader) {
        let socket = try Socket.connect(endpoint, timeout: options.connectTimeout)
        let bytes = Frame.hello(hello).encoded()
        try socket.sendAll(bytes, 0..<bytes.count)
        var reader = FrameReader(socket: socket, limits: options.limits)
        guard let answer = try reader.next() else {
            throw CoInferenceError(origin: "\(endpoint)", message: "the edge closed the connection after hello")
        }
        if answer.type == .error { throw try answer.failure() }
        guard answer.type == .welcome, answer.modelID == hello.modelID else {
            throw CoInferenceError(origin: "\(endpoint)", message: "the edge answered hello with \(answer.type)")
        }
        let connection = DeviceConnection(
            socket: socket, modelID: hello.modelID, link: link, clock: options.clock, origin: origin)
        return (connection, reader)
    }

    /// Sends a frame through the shaped uplink; returns the link seconds.
    func send(_ bytes: [UInt8]) throws -> Double {
        try uplink.withLock { shaper in
            try shaper.send(bytes: bytes.count) { range in try socket.sendAll(bytes, range) }
        }
    }

    /// Shapes a frame of `bytes` that arrived at `arrival` on the downlink; returns the link seconds.
    func received(bytes: Int, arrival: Double) -> Double {
        downlink.withLock { $0.receive(bytes: bytes, arrival: arrival) }
    }
}
