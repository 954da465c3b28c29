import Design
import GNN

/// The bytes of the engine's frames, computed from the wire format's sizes (CoInference README, "Wire
/// protocol", version 1). Systems sits below CoInference and cannot ask its encoder, so the constants are
/// repeated here; CoInference's tests check them against frames it really encodes.
///
/// A frame is a 32-byte header, a 16-byte prefix (u32 batch, u32 nodes, u64 edge time) and per tensor a u16
/// name length, the UTF-8 name, a u8 dtype, a u8 rank, rank × u32 dimensions and the elements. Every
/// side change of the plan is one frame: a request up, or a reply down.
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

    /// One frame the engine sends: its sender and its bytes.
    public struct Frame: Sendable, Hashable {
        /// The sending side.
        public var from: Side
        /// Header, prefix and tensors.
        public var bytes: Int
        /// The position of the communicate that sends it (the last communicate between the two runs of
        /// steps it joins), or nil for the logits going home after an edge head.
        public var position: Int? = nil
    }

    /// The frames the engine sends for `mapping` (batch 1), in order, by the crossing rule of GNN's
    /// `ExecutionPlan`: after each run of steps on one side, a value crosses when the next run reads it
    /// before writing it and the receiver does not hold its current version (so the raw points do not go
    /// back to the device after an edge knn, which leaves them unchanged; a graph crosses only when the
    /// receiver aggregates before building one); the logits go home when the head ran on the edge.
    /// Features are `space.featureScalarBytes` per element, graphs int32, logits float32.
    public static func frames(of mapping: Mapping) -> [Frame] {
        let space = mapping.space
        let scalar = space.featureScalarBytes
        // (side, names read, name written, bytes of the written value, position; nil for the head)
        var ops: [(side: Side, reads: [String], writes: String, bytes: Int, position: Int?)] = []
        var rows = space.pointsPerCloud
        for step in mapping.steps {
            switch step.operation {
            case .identity, .communicate:
                continue
            case .knn:
                ops.append((step.side, [featuresName], graphName, rows * space.k * 4, step.position))
            case .aggregate:
                ops.append(
                    (
                        step.side, [featuresName, graphName], featuresName, rows * step.outputWidth * scalar,
                        step.position
                    ))
            case .combine:
                ops.append((step.side, [featuresName], featuresName, rows * step.outputWidth * scalar, step.position))
            case .pool:
                rows = 1
                ops.append((step.side, [featuresName], featuresName, step.outputWidth * scalar, step.position))
            }
        }
        ops.append((mapping.head.side, [featuresName], logitsName, space.classes * 4, nil))
        var segments: [[Int]] = ops.first?.side == .edge ? [[]] : []
        var sides: [Side] = ops.first?.side == .edge ? [.device] : []
        for (index, op) in ops.enumerated() {
            if sides.last == op.side {
                segments[segments.count - 1].append(index)
            } else {
                segments.append([index])
                sides.append(op.side)
            }
        }
        var holders: [String: Set<Side>] = [featuresName: [.device]]
        var sizes: [String: Int] = [featuresName: space.pointsPerCloud * space.inputWidth * scalar]
        var frames: [Frame] = []
        for (index, segment) in segments.enumerated() {
            for op in segment.map({ ops[$0] }) {
                holders[op.writes] = [sides[index]]
                sizes[op.writes] = op.bytes
            }
            let last = index + 1 == segments.count
            let receiver = last ? Side.device : sides[index + 1]
            guard receiver != sides[index] else { continue }
            var names: [String] = []
            if last {
                names = [logitsName]
            } else {
                var written: Set<String> = []
                for op in segments[index + 1].map({ ops[$0] }) {
                    for name in op.reads where !written.contains(name) && !names.contains(name) {
                        if let held = holders[name], !held.contains(receiver) { names.append(name) }
                    }
                    written.insert(op.writes)
                }
            }
            for name in names { holders[name, default: []].insert(receiver) }
            let tensors = names.reduce(0) { $0 + tensor(name: $1, rank: 2, elementBytes: sizes[$1] ?? 0) }
            // The communicate between this run's last step and the next run's first (the head: after every step).
            let after = segment.last.flatMap { ops[$0].position } ?? -1
            let before = last ? nil : (segments[index + 1].first.flatMap { ops[$0].position } ?? mapping.steps.count)
            let position = before.flatMap { before in
                mapping.steps.last { step in
                    step.position > after && step.position < before && step.operation == .communicate
                }?.position
            }
            frames.append(Frame(from: sides[index], bytes: header + prefix + tensors, position: position))
        }
        return frames
    }

}
