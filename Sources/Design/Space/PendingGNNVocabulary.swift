/// The message a node receives from each neighbour j (i is the receiving node).
///
/// Temporary mirror of `GNN.MessageType` (same cases, raw values and names) until the GNN branch lands;
/// this file is deleted by the merge that brings GNN's definition.
public enum MessageType: Int, Sendable, CaseIterable, CustomStringConvertible {
    /// `[x_i, x_j, x_j − x_i, ‖x_j − x_i‖]`, width 3C + 1.
    case full = 0
    /// `x_j`, width C.
    case source = 1
    /// `[x_i, x_j − x_i]`, width 2C.
    case edgeConv = 2
    /// `x_j − x_i`, width C.
    case relative = 3

    /// The message width for input width C.
    public func width(for inputWidth: Int) -> Int {
        switch self {
        case .full: return 3 * inputWidth + 1
        case .source, .relative: return inputWidth
        case .edgeConv: return 2 * inputWidth
        }
    }

    /// The short name used in the readable architecture form.
    public var description: String {
        switch self {
        case .full: return "full"
        case .source: return "source"
        case .edgeConv: return "edgeconv"
        case .relative: return "rel"
        }
    }
}

/// How the k messages of a node are reduced to one vector (mirror of `GNN.Reducer`).
public enum Reducer: Int, Sendable, CaseIterable, CustomStringConvertible {
    /// Element-wise maximum.
    case max = 0
    /// Element-wise mean.
    case mean = 1
    /// Element-wise sum.
    case sum = 2

    /// The short name used in the readable architecture form.
    public var description: String {
        switch self {
        case .max: return "max"
        case .mean: return "mean"
        case .sum: return "sum"
        }
    }
}

/// A global pooling over the nodes of each cloud (mirror of `GNN.PoolKind`).
public enum PoolKind: Int, Sendable, CaseIterable, CustomStringConvertible {
    /// Channel-wise maximum.
    case max = 0
    /// Channel-wise mean.
    case mean = 1
    /// Channel-wise sum.
    case sum = 2
    /// Maximum and mean side by side (2C).
    case maxMean = 3
    /// Maximum and sum side by side (2C).
    case maxSum = 4
    /// Mean and sum side by side (2C).
    case meanSum = 5

    /// The reductions in output order.
    public var parts: [Reducer] {
        switch self {
        case .max: return [.max]
        case .mean: return [.mean]
        case .sum: return [.sum]
        case .maxMean: return [.max, .mean]
        case .maxSum: return [.max, .sum]
        case .meanSum: return [.mean, .sum]
        }
    }

    /// The output width for input width C.
    public func width(for inputWidth: Int) -> Int { parts.count * inputWidth }

    /// The short name used in the readable architecture form.
    public var description: String { parts.map(\.description).joined(separator: "+") }
}
