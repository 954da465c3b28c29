import Design
import Foundation

/// The columns of a node's feature vector (layout version 2), and how raw figures are scaled into them.
///
/// Columns: op type one-hot (6, by op id; position nodes only), function one-hot (12, by global function id;
/// position nodes only), flags global / input / output / head (4), side device / edge (2; the global node has
/// neither), then four log-scaled figures: the node's LUT cost on its side, the payload bytes it sends, the
/// link bandwidth and the transfer time bytes·8 / bandwidth (the last three only on nodes that send: the
/// communicates where the engine really sends a frame, with the frame's bytes as Systems' `FrameSize` counts
/// them, and the output node when the head ran on the edge and the logits return); last the cost and the
/// transfer time again, linear. Version 1 put Design's `Mapping.crossings` bytes (every communicate, no
/// headers) in the payload columns.
///
/// Scaling: every log-scaled figure x enters as `log(1 + x / unit) / 10` with units 1 µs (cost, transfer
/// time), 1 byte (payload) and 1 Mbit/s (bandwidth), so that figures spanning microseconds to seconds, or
/// bytes to megabytes, land between 0 and about 2, and zero stays zero. The two linear columns hold seconds
/// in a graph; `GraphBatch` divides them by the model's target scale (the mean training target), so they
/// enter the network as fractions of a typical target. The log columns let the network tell ops and sizes
/// apart; the linear ones let a sum readout add costs up, which a latency mostly is (on the synthetic set of
/// `trainingLowersTheLossAndBeatsTheNaiveBaselineOnHeldOutGraphs`, held-out MAPE was 12.1 % with the
/// linear columns zeroed and 4.9 % with them; τ 0.82 and 0.91).
public enum FeatureLayout {
    /// The layout version, stored in model files: a model only reads graphs of its own layout.
    public static let version = 2
    /// First op-type column.
    public static let opType = 0
    /// First function column.
    public static let function = opType + OpType.allCases.count
    /// The number of function columns (the largest function count of any op type).
    public static let functionCount = OpType.allCases.map(\.functionCount).max() ?? 1
    /// Flag column of the global node.
    public static let global = function + functionCount
    /// Flag column of the input node.
    public static let input = global + 1
    /// Flag column of the output node.
    public static let output = global + 2
    /// Flag column of the head's layers.
    public static let head = global + 3
    /// Side columns: `side + 0` device, `side + 1` edge.
    public static let side = head + 1
    /// Scaled LUT cost of the node on its side.
    public static let cost = side + 2
    /// Scaled payload bytes sent by the node.
    public static let payload = cost + 1
    /// Scaled bandwidth of the link the payload crosses.
    public static let bandwidth = payload + 1
    /// Scaled transfer time of the payload.
    public static let transfer = bandwidth + 1
    /// The LUT cost, linear (seconds in a graph, divided by the target scale in a batch).
    public static let linearCost = transfer + 1
    /// The transfer time, linear (seconds in a graph, divided by the target scale in a batch).
    public static let linearTransfer = linearCost + 1
    /// The columns that `GraphBatch` divides by the target scale.
    public static let linearColumns = [linearCost, linearTransfer]
    /// The number of columns.
    public static let width = linearTransfer + 1

    /// `log(1 + seconds / 1 µs) / 10`.
    public static func scaledSeconds(_ seconds: Double) -> Float { scaled(seconds, unit: 1e-6) }

    /// `log(1 + bytes) / 10`.
    public static func scaledBytes(_ bytes: Int) -> Float { scaled(Double(bytes), unit: 1) }

    /// `log(1 + Mbit/s) / 10`.
    public static func scaledBandwidth(megabitsPerSecond: Double) -> Float { scaled(megabitsPerSecond, unit: 1) }

    private static func scaled(_ x: Double, unit: Double) -> Float { Float(log1p(max(0, x) / unit) / 10) }
}
