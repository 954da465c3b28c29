/// The rules an architecture must keep, in the order they are checked at each position (SPEC.md §2).
public enum ValidityRule: String, Sendable, CaseIterable, Hashable, CustomStringConvertible {
    /// The architecture has exactly `space.positions` positions.
    case positionCount
    /// Every op id is 0–5.
    case unknownOp
    /// Every function id is within its op type's range (combine 0–6, aggregate 0–11, pool 0–5, others 0).
    case functionOutOfRange
    /// The op type is one the space allows.
    case opNotAllowed
    /// The function (combine width, message, reducer, pool kind) is one the space allows.
    case functionNotAllowed
    /// Knn and aggregate need nodes: neither may follow the pool.
    case graphOpAfterPool
    /// An aggregate needs a graph: a knn at an earlier position.
    case aggregateWithoutGraph
    /// There is exactly one pool (not two).
    case secondPool
    /// At most two communicates.
    case tooManyCommunicates
    /// No feature width exceeds `space.maxFeatureWidth`.
    case widthLimit
    /// There is exactly one pool (not none): the head needs one vector per sample.
    case missingPool
    /// The mapping (D, E, DE, ED, DED) is one the space allows.
    case modeNotAllowed

    /// What the rule demands, as a user reads it.
    public var description: String {
        switch self {
        case .positionCount: return "an architecture has exactly as many positions as its space"
        case .unknownOp: return "op ids are 0–5"
        case .functionOutOfRange: return "function ids are within their op type's range"
        case .opNotAllowed: return "the op type must be allowed by the space"
        case .functionNotAllowed: return "the function (width, message, reducer, pool) must be allowed by the space"
        case .graphOpAfterPool: return "knn and aggregate need nodes, so they cannot follow the pool"
        case .aggregateWithoutGraph: return "aggregate needs a graph built by an earlier knn"
        case .secondPool: return "exactly one pool"
        case .tooManyCommunicates: return "at most two communicates"
        case .widthLimit: return "feature widths stay within the space's maximum"
        case .missingPool: return "exactly one pool (the head needs one vector per sample)"
        case .modeNotAllowed: return "the device/edge mapping must be allowed by the space"
        }
    }
}
