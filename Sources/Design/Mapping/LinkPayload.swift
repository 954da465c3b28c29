import GNN

/// One tensor that crosses the link at a communicate (or the logits going home), per sample.
public enum LinkPayload: Sendable, Hashable, CustomStringConvertible {
    /// Node features [rows, width] as float32 (`scalarBytes` 4) or float16 (2).
    case features(rows: Int, width: Int, scalarBytes: Int)
    /// One pooled vector [width] per sample, float32 or float16.
    case pooled(width: Int, scalarBytes: Int)
    /// The kNN edge list [rows, k] as int32 neighbour indices local to the cloud.
    case edgeList(rows: Int, k: Int)
    /// The head's output [classes] as float32, returned to the device when the head ran on the edge.
    case logits(classes: Int)

    /// The number of bytes on the wire (payload only, without frame headers).
    public var bytes: Int {
        switch self {
        case .features(let rows, let width, let scalarBytes): return rows * width * scalarBytes
        case .pooled(let width, let scalarBytes): return width * scalarBytes
        case .edgeList(let rows, let k): return rows * k * 4
        case .logits(let classes): return classes * 4
        }
    }

    /// E.g. `features [1024, 64] f32 256.0 KiB`.
    public var description: String {
        func type(_ scalarBytes: Int) -> String { scalarBytes == 2 ? "f16" : "f32" }
        switch self {
        case .features(let rows, let width, let s): return "features [\(rows), \(width)] \(type(s)) \(ByteCount(bytes))"
        case .pooled(let width, let s): return "pooled [\(width)] \(type(s)) \(ByteCount(bytes))"
        case .edgeList(let rows, let k): return "edges [\(rows), \(k)] i32 \(ByteCount(bytes))"
        case .logits(let classes): return "logits [\(classes)] f32 \(ByteCount(bytes))"
        }
    }
}

/// Everything that crosses the link at one point of execution.
public struct LinkCrossing: Sendable, Hashable {
    /// The communicate's position, or nil for the logits returned after the head.
    public var position: Int?
    /// The sending side.
    public var from: Side
    /// The tensors sent, features first.
    public var payloads: [LinkPayload]

    /// The receiving side.
    public var to: Side { from.other }

    /// The total bytes of the payloads.
    public var bytes: Int { payloads.reduce(0) { $0 + $1.bytes } }
}

/// A byte count printed for people: `160 B`, `1.5 KiB`, `2.0 MiB`.
public struct ByteCount: Sendable, Hashable, CustomStringConvertible {
    /// The number of bytes.
    public var bytes: Int

    /// Wraps a byte count.
    public init(_ bytes: Int) { self.bytes = bytes }

    /// Bytes below 1 KiB, else KiB or MiB with one decimal.
    public var description: String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1024 * 1024 { return Formatting.decimal(Double(bytes) / 1024, places: 1) + " KiB" }
        return Formatting.decimal(Double(bytes) / (1024 * 1024), places: 1) + " MiB"
    }
}
