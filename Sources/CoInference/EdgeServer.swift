import Dispatch
import Foundation
import GNN
import Design
import Synchronization
import Systems
import Tensor

/// The edge server: accepts devices on a TCP port (loopback by default), checks each device's model at hello,
/// and runs the edge segments of its requests with the edge profile, one thread per connection.
///
/// Bounded: at most `maxConnections` devices (others get an `unavailable` error frame) and at most `workers`
/// segments running at once (the rest wait, and their devices' sends block: backpressure through TCP). A bad
/// frame gets an error frame and closes that connection only. `stop(drain: true)` stops accepting, answers
/// the requests already received, then closes.
public final class EdgeServer: Sendable {
    /// What the server runs and how.
    public struct Configuration: Sendable {
        /// Where to listen (port 0: an ephemeral port, see `port`).
        public var listen: Endpoint
        /// The models served (a device's hello must match one's identity and a valid split).
        public var models: [DeployableModel]
        /// The edge processor (dilation factor and threads per segment run).
        public var edge: ProcessorProfile
        /// Most devices connected at once.
        public var maxConnections: Int
        /// Most segments running at once.
        public var workers: Int
        /// Size limits for frames read.
        public var limits: WireLimits

        /// A configuration (defaults: 127.0.0.1, ephemeral port, this host, 64 connections, 1 worker).
        public init(
            listen: Endpoint = Endpoint(host: "127.0.0.1", port: 0), models: [DeployableModel],
            edge: ProcessorProfile = System.host, maxConnections: Int = 64, workers: Int = 1,
            limits: WireLimits = .standard
        ) {
            self.listen = listen
            self.models = models
            self.edge = edge
            self.maxConnections = maxConnections
            self.workers = workers
            self.limits = limits
        }
    }

    /// The configuration.
    public let configuration: Configuration
    /// The port actually listened on.
    public let port: UInt16
    private let listener: Socket
    private let log: @Sendable (String) -> Void
    private let state = Mutex(ServerState())
    private let slots: DispatchSemaphore
    private let finished = DispatchSemaphore(value: 0)

    private struct ServerState {
        var connections: [Int: Socket] = [:]
        var nextConnection = 0
        var plans: [UInt32: ExecutionPlan] = [:]
        var stopping = false
        var acceptDone = false
        var served = 0
    }

    /// Binds and listens (nothing is accepted until `start`); `log` receives one line per connection and
    /// per error.
    public init(_ configuration: Configuration, log: @escaping @Sendable (String) -> Void) throws(CoInferenceError) {
        self.configuration = configuration
        self.log = log
        listener = try Socket.listen(configuration.listen)
        port = listener.localPort
        slots = DispatchSemaphore(value: max(1, configuration.workers))
    }

    /// The endpoint devices connect to.
    public var endpoint: Endpoint { Endpoint(host: configuration.listen.host, port: port) }

    /// Requests answered so far.
    public var served: Int { state.withLock { $0.served } }

    /// Starts accepting on a thread of its own.
    public func start() {
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// Blocks until the server has stopped and every connection is closed.
    public func wait() {
        finished.wait()
        finished.signal()
    }

    /// Stops: no new devices; with `drain`, the requests already received are answered before each
    /// connection closes; without, every connection is cut at once (what a crash looks like to devices).
    public func stop(drain: Bool) {
        let sockets = state.withLock { s -> [Socket] in
            s.stopping = true
            return Array(s.connections.values)
        }
        listener.shutdown(reading: true, writing: true)
        for socket in sockets { socket.shutdown(reading: true, writing: !drain) }
    }

    private func acceptLoop() {
        log(
            "edge: listening on \(endpoint), \(configuration.models.count) \(configuration.models.count == 1 ? "model" : "models"), "
                + "\(configuration.workers) \(configuration.workers == 1 ? "worker" : "workers")"
        )
        while let socket = listener.accept() {
            let id = state.withLock { s -> Int? in
                guard !s.stopping, s.connections.count < configuration.maxConnections else { return nil }
                s.nextConnection += 1
                s.connections[s.nextConnection] = socket
                return s.nextConnection
            }
            guard let id else {
                log("edge: refused \(socket.name): server full or stopping")
                let bytes = Frame.error(WireFailure(.unavailable, "the edge is full or stopping")).encoded()
                try? socket.sendAll(bytes, 0..<bytes.count)
                socket.close()
                continue
            }
            let thread = Thread { [self] in serve(socket, id: id) }
            thread.start()
        }
        listener.close()
        let done = state.withLock { s -> Bool in
            s.acceptDone = true
            return s.connections.isEmpty
        }
        if done { finished.signal() }
    }

    private func closeConnection(_ id: Int, _ socket: Socket) {
        socket.close()
        let done = state.withLock { s -> Bool in
            s.connections[id] = nil
            return s.acceptDone && s.connections.isEmpty
        }
        if done { finished.signal() }
    }

    /// Serves one device until it leaves, a frame is bad, or the server stops.
    private func serve(_ socket: Socket, id: Int) {
        var reader = FrameReader(socket: socket, limits: configuration.limits)
        var session = EdgeSession()
        var answered = 0
        defer {
            closeConnection(id, socket)
            log("edge: \(socket.name) closed after \(answered) \(answered == 1 ? "request" : "requests")")
        }
        do {
            while let frame = try reader.next() {
                let reply = try handle(frame, session: &session)
                try socket.sendAll(reply.bytes, 0..<reply.bytes.count)
                if frame.type == .request { answered += 1 }
                if reply.close { return }
            }
        } catch let error as WireError {
            log("edge: \(socket.name): bad frame: \(error)")
            let bytes = Frame.error(WireFailure(.badFrame, error.description)).encoded()
            try? socket.sendAll(bytes, 0..<bytes.count)
        } catch let failure as WireFailure {
            log("edge: \(socket.name): \(failure.message)")
        } catch {
            log("edge: \(socket.name): \(error)")
        }
    }

    /// What a connection knows: the plan agreed at hello, and states kept between edge segments of a request.
    private struct EdgeSession {
        var plan: ExecutionPlan?
        var modelID: UInt32 = 0
        var kept: [UInt64: PlanState] = [:]
    }

    /// The frame to send for `frame`; `close` after sending an error.
    private func handle(_ frame: Frame, session: inout EdgeSession) throws -> (bytes: [UInt8], close: Bool) {
        switch frame.type {
        case .hello:
            let hello = try frame.hello(limits: configuration.limits)
            guard let plan = plan(for: hello) else {
                let known = configuration.models.map { $0.identity }.joined(separator: ", ")
                let failure = WireFailure(
                    .unknownModel,
                    "no model '\(hello.identity)' with split \(hello.split.map(String.init) ?? "-") here (serving: \(known))"
                )
                log("edge: refused hello: \(failure.message)")
                return (Frame.error(failure).encoded(), true)
            }
            session.plan = plan
            session.modelID = hello.modelID
            log("edge: device runs '\(plan.name)' (\(plan.identity))")
            return (Frame(type: .welcome, modelID: hello.modelID).encoded(), false)
        case .request:
            guard let plan = session.plan, frame.modelID == session.modelID else {
                let failure = WireFailure(.protocolViolation, "request \(frame.requestID) before a matching hello")
                return (Frame.error(failure, requestID: frame.requestID).encoded(), true)
            }
            return try run(frame, plan: plan, session: &session)
        case .welcome, .reply, .error:
            let failure = WireFailure(.protocolViolation, "a device does not send \(frame.type) frames")
            return (Frame.error(failure, requestID: frame.requestID).encoded(), true)
        }
    }

    private func run(_ frame: Frame, plan: ExecutionPlan, session: inout EdgeSession) throws -> (
        bytes: [UInt8], close: Bool
    ) {
        let index = Int(frame.segment)
        guard plan.segments.indices.contains(index), plan.segments[index].side == .edge else {
            let failure = WireFailure(.protocolViolation, "segment \(index) of '\(plan.name)' is not an edge segment")
            return (Frame.error(failure, requestID: frame.requestID).encoded(), true)
        }
        let clock: ClockMode = frame.flags & WireFormat.waitClockFlag != 0 ? .wait : .virtual
        let float16 = frame.flags & WireFormat.float16Flag != 0
        let dilation = Dilation(processor: configuration.edge, clock: clock)
        let threads = ThreadBudget(threads: configuration.edge.threads)
        slots.wait()
        defer { slots.signal() }
        let kept = session.kept.removeValue(forKey: frame.requestID)
        let (outcome, seconds) = dilation.run { () -> Result<(PlanState, TensorMessage), Error> in
            Result {
                let received = try PlanState(try frame.tensorMessage(limits: configuration.limits))
                let input = kept.map { $0.merging(received) } ?? received
                let output = try plan.run(segment: index, on: input, threads: threads)
                return (output, plan.crossing(after: index, output).message(float16: float16))
            }
        }
        switch outcome {
        case .success(let (output, message)):
            if plan.segments[(index + 1)...].contains(where: { $0.side == .edge }) {
                session.kept[frame.requestID] = output
            }
            var body = message
            body.edgeSeconds = seconds
            state.withLock { $0.served += 1 }
            let reply = Frame.tensors(
                .reply, requestID: frame.requestID, modelID: frame.modelID, segment: index, flags: frame.flags, body)
            return (reply.encoded(), false)
        case .failure(let error as WireError):
            throw error
        case .failure(let error):
            let failure = WireFailure(.runFailed, "request \(frame.requestID): \(error)")
            log("edge: \(failure.message)")
            return (Frame.error(failure, requestID: frame.requestID).encoded(), true)
        }
    }

    /// The plan a hello asks for, compiled once per (identity, split).
    private func plan(for hello: Hello) -> ExecutionPlan? {
        if let plan = state.withLock({ $0.plans[hello.modelID] }) { return plan }
        for model in configuration.models where model.identity == hello.identity {
            guard let plan = try? model.plan(split: hello.split), plan.identity == hello.identity else { continue }
            state.withLock { $0.plans[hello.modelID] = plan }
            return plan
        }
        return nil
    }
}
