import Tensor

/// The hello a device sends first: which model (its `ExecutionPlan.identity`) and split it runs.
public struct Hello: Sendable, Equatable {
    /// The plan identity (architecture or kind + CRC32 of the weights).
    public var identity: String
    /// The split point of a baseline, nil for an architecture's own mapping.
    public var split: Int?

    /// A hello.
    public init(identity: String, split: Int?) {
        self.identity = identity
        self.split = split
    }

    /// The model id carried by every later frame: CRC32 of `identity` and the split.
    public var modelID: UInt32 { CRC32.checksum(of: Array("\(identity)|split=\(split.map(String.init) ?? "-")".utf8)) }
}

/// The body of a request or a reply: a plan state's batch and nodes, the tensors, and the edge's time.
public struct TensorMessage: Sendable, Equatable {
    /// Clouds in the batch.
    public var batch: Int
    /// Nodes per cloud at this point.
    public var nodes: Int
    /// Emulated edge compute seconds (replies; 0 in requests).
    public var edgeSeconds: Double
    /// The tensors.
    public var tensors: [WireTensor]

    /// A message body.
    public init(batch: Int, nodes: Int, edgeSeconds: Double = 0, tensors: [WireTensor]) {
        self.batch = batch
        self.nodes = nodes
        self.edgeSeconds = edgeSeconds
        self.tensors = tensors
    }
}

/// An error frame's body: a code and a sentence.
public struct WireFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure.
    public enum Code: UInt16, Sendable {
        /// The frame could not be decoded.
        case badFrame = 1
        /// The edge does not have the model (identity and split) the device announced.
        case unknownModel = 2
        /// A request before hello, or a model id that is not the one agreed.
        case protocolViolation = 3
        /// Running the segment failed.
        case runFailed = 4
        /// The server is full or shutting down.
        case unavailable = 5
    }

    /// The code.
    public var code: Code
    /// What went wrong, for the log and the user.
    public var message: String

    /// A failure.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `edge: <message>`.
    public var description: String { "edge: \(message)" }
}

extension Frame {
    /// The hello frame.
    public static func hello(_ hello: Hello) -> Frame {
        var w = ByteWriter()
        w.text(hello.identity)
        w.u32(UInt32(bitPattern: Int32(hello.split ?? -1)))
        return Frame(type: .hello, modelID: hello.modelID, payload: w.bytes)
    }

    /// The hello in a hello frame.
    public func hello(limits: WireLimits = .standard) throws(WireError) -> Hello {
        guard type == .hello else { throw .unexpected(type, expected: "hello") }
        var r = ByteReader(payload)
        let identity = try r.text("model identity", limit: limits.maxTextLength)
        let split = Int32(bitPattern: try r.u32("split"))
        guard r.remaining == 0 else { throw .malformed("\(r.remaining) bytes after the hello") }
        return Hello(identity: identity, split: split < 0 ? nil : Int(split))
    }

    /// A request or reply frame.
    public static func tensors(
        _ type: MessageType, requestID: UInt64, modelID: UInt32, segment: Int, flags: UInt16, _ body: TensorMessage
    ) -> Frame {
        var w = ByteWriter()
        w.u32(UInt32(body.batch))
        w.u32(UInt32(body.nodes))
        w.u64(UInt64(max(0, body.edgeSeconds * 1e9)))
        for t in body.tensors { t.write(to: &w) }
        return Frame(
            type: type, flags: flags, requestID: requestID, modelID: modelID, segment: UInt16(segment),
            tensorCount: UInt16(body.tensors.count), payload: w.bytes)
    }

    /// The body of a request or reply frame, every size checked against `limits`.
    public func tensorMessage(limits: WireLimits = .standard) throws(WireError) -> TensorMessage {
        guard type == .request || type == .reply else { throw .unexpected(type, expected: "request or reply") }
        var r = ByteReader(payload)
        let batch = Int(try r.u32("batch"))
        let nodes = Int(try r.u32("nodes"))
        guard batch <= limits.maxDimension, nodes <= limits.maxDimension else {
            throw .tooLarge("batch or nodes", max(batch, nodes), limit: limits.maxDimension)
        }
        let nanos = try r.u64("edge time")
        var tensors: [WireTensor] = []
        for _ in 0..<Int(tensorCount) { tensors.append(try WireTensor.read(from: &r, limits: limits)) }
        guard r.remaining == 0 else { throw .malformed("\(r.remaining) bytes after \(tensorCount) tensors") }
        return TensorMessage(batch: batch, nodes: nodes, edgeSeconds: Double(nanos) * 1e-9, tensors: tensors)
    }

    /// An error frame.
    public static func error(_ failure: WireFailure, requestID: UInt64 = 0) -> Frame {
        var w = ByteWriter()
        w.u16(failure.code.rawValue)
        w.text(String(failure.message.utf8.prefix(4000)) ?? "error")
        return Frame(type: .error, requestID: requestID, payload: w.bytes)
    }

    /// The failure in an error frame.
    public func failure(limits: WireLimits = .standard) throws(WireError) -> WireFailure {
        guard type == .error else { throw .unexpected(type, expected: "error") }
        var r = ByteReader(payload)
        let raw = try r.u16("error code")
        let message = try r.text("error message", limit: limits.maxTextLength)
        return WireFailure(WireFailure.Code(rawValue: raw) ?? .badFrame, message)
    }
}
