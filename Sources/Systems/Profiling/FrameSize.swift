import Design

/// The bytes of the engine's frames, computed from the wire format's sizes (CoInference README, "Wire
/// protocol", version 1). Systems sits below CoInference and cannot ask its encoder, so the constants are
/// repeated here; CoInference's tests check them against frames it really encodes.
///
/// A frame is a 32-byte header, a 16-byte prefix (u32 batch, u32 nodes, u64 edge time) and per tensor a u16
/// name length, the UTF-8 name, a u8 dtype, a u8 rank, rank × u32 dimensions and the elements. Every
/// crossing is one frame: a request up, or a reply down.
public enum FrameSize {
    /// Bytes of a frame header (CoInference's `WireFormat.headerSize`).
    public static let header = 32
    /// Bytes before the tensors in a request or reply payload.
    public static let prefix = 16
    /// The plan's name of the features (before and after the pool).
    public static let featuresName = "features"
    /// The plan's name of the kNN graph.
    public static let graphName = "graph"
    /// The plan's name of the logits.
    public static let logitsName = "logits"

    /// Bytes of one tensor entry: name length, name, dtype, rank, dimensions, elements.
    public static func tensor(name: String, rank: Int, elementBytes: Int) -> Int {
        2 + name.utf8.count + 1 + 1 + 4 * rank + elementBytes
    }

    /// Bytes of one payload tensor for batch 1 (every crossing tensor has rank 2: [rows, width], [1, width],
    /// [rows, k], [1, classes]).
    public static func tensor(_ payload: LinkPayload) -> Int {
        let name: String
        switch payload {
        case .features, .pooled: name = featuresName
        case .edgeList: name = graphName
        case .logits: name = logitsName
        }
        return tensor(name: name, rank: 2, elementBytes: payload.bytes)
    }

    /// Bytes of the frame that carries `crossing` (batch 1).
    public static func bytes(of crossing: LinkCrossing) -> Int {
        header + prefix + crossing.payloads.reduce(0) { $0 + tensor($1) }
    }
}
