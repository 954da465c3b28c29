import GNN

/// The six operation types of GCoDE's design space; the raw value is the op id of the 24-integer encoding.
public enum OpType: Int, Sendable, CaseIterable, Hashable, CustomStringConvertible {
    /// Passes the features through unchanged (function 0).
    case identity = 0
    /// Per-node Linear → BatchNorm → LeakyReLU(0.2) to a chosen width (functions 0–6: widths 8…512).
    case combine = 1
    /// Neighbourhood aggregation over the current kNN graph (functions 0–11: message × reducer).
    case aggregate = 2
    /// Builds the k-nearest-neighbour graph from the current features (function 0).
    case knn = 3
    /// Global pooling over the nodes (functions 0–5).
    case pool = 4
    /// Sends the current tensors to the other side (function 0).
    case communicate = 5

    /// The number of function ids this op type has (ids are `0..<functionCount`).
    public var functionCount: Int {
        switch self {
        case .identity, .knn, .communicate: return 1
        case .combine: return Operation.combineWidthTable.count
        case .aggregate: return MessageType.allCases.count * Reducer.allCases.count
        case .pool: return PoolKind.allCases.count
        }
    }

    /// The keyword of the readable text form (`id`, `combine`, `agg`, `knn`, `pool`, `comm`).
    public var keyword: String {
        switch self {
        case .identity: return "id"
        case .combine: return "combine"
        case .aggregate: return "agg"
        case .knn: return "knn"
        case .pool: return "pool"
        case .communicate: return "comm"
        }
    }

    /// The full name, as in SPEC.md's table.
    public var description: String {
        switch self {
        case .identity: return "identity"
        case .combine: return "combine"
        case .aggregate: return "aggregate"
        case .knn: return "knn"
        case .pool: return "pool"
        case .communicate: return "communicate"
        }
    }
}
