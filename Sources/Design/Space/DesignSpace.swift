import GNN

/// The set of architectures a search may choose from, and the facts every architecture is measured against.
///
/// A value type: change a field to make a new space (`var s = DesignSpace.small; s.k = 8`), then `validate()`
/// it. Function ids stay global (see `Operation`); the space only allows a subset of them. The paper's space
/// is `DesignSpace.paper` (the default); `DesignSpace.small` serves tests and quick demos.
public struct DesignSpace: Sendable, Equatable, Hashable {
    /// The preset's name (`paper`, `small`) or `custom` once edited by a caller that says so.
    public var name: String
    /// The number of positions of every architecture (12 in the paper).
    public var positions: Int
    /// The op types a position may hold; must contain `pool`.
    public var allowedOps: Set<OpType>
    /// The widths a combine may choose, each one of `Operation.combineWidthTable` (8…512 in the paper).
    public var combineWidths: [Int]
    /// The message types an aggregate may use.
    public var messages: [MessageType]
    /// The reducers an aggregate may use.
    public var reducers: [Reducer]
    /// The global pools allowed.
    public var poolKinds: [PoolKind]
    /// The device/edge mappings allowed.
    public var modes: Set<Mode>
    /// The number of neighbours of every kNN graph (20 in the paper).
    public var k: Int
    /// The number of points P of every cloud (1024 in the paper).
    public var pointsPerCloud: Int
    /// The width of the raw input (3 coordinates).
    public var inputWidth: Int
    /// The number of classes of the head's output (40 for ModelNet40).
    public var classes: Int
    /// The hidden widths of the fixed classifier head (512, 256 in the paper).
    public var headWidths: [Int]
    /// The largest feature width allowed at any position, pool output included (Tandem decides: 2048 in the
    /// paper space, enough for the paper's example architecture, and the size of the supernet's matrices).
    public var maxFeatureWidth: Int
    /// Whether features cross the link as float16 (half the bytes, lossy) instead of float32.
    public var float16Link: Bool

    /// Creates a space from every field; call `validate()` before use.
    public init(
        name: String, positions: Int, allowedOps: Set<OpType>, combineWidths: [Int], messages: [MessageType],
        reducers: [Reducer], poolKinds: [PoolKind], modes: Set<Mode>, k: Int, pointsPerCloud: Int,
        inputWidth: Int, classes: Int, headWidths: [Int], maxFeatureWidth: Int, float16Link: Bool
    ) {
        self.name = name
        self.positions = positions
        self.allowedOps = allowedOps
        self.combineWidths = combineWidths
        self.messages = messages
        self.reducers = reducers
        self.poolKinds = poolKinds
        self.modes = modes
        self.k = k
        self.pointsPerCloud = pointsPerCloud
        self.inputWidth = inputWidth
        self.classes = classes
        self.headWidths = headWidths
        self.maxFeatureWidth = maxFeatureWidth
        self.float16Link = float16Link
    }

    /// The bytes of one feature scalar on the link (2 with `float16Link`, else 4).
    public var featureScalarBytes: Int { float16Link ? 2 : 4 }

    /// Every operation the space allows, in encoding order (op id, then function id).
    public var allowedOperations: [Operation] {
        OpType.allCases.filter { allowedOps.contains($0) }.flatMap { type -> [Operation] in
            (0..<type.functionCount).compactMap { function in
                guard case .success(let op) = Operation.decode(opID: type.rawValue, functionID: function),
                    allows(op)
                else { return nil }
                return op
            }
        }
    }

    /// Whether the space allows this op type and function (width, message, reducer, pool kind).
    public func allows(_ op: Operation) -> Bool {
        guard allowedOps.contains(op.type) else { return false }
        switch op {
        case .identity, .knn, .communicate: return true
        case .combine(let width): return combineWidths.contains(width)
        case .aggregate(let message, let reducer): return messages.contains(message) && reducers.contains(reducer)
        case .pool(let kind): return poolKinds.contains(kind)
        }
    }
}
