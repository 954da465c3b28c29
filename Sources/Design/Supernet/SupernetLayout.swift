import GNN

/// The shapes of a supernet's shared weights, derived from which operations valid architectures can hold.
///
/// Weight entanglement: position p has one combine matrix [`combineRows[p]`, `combineColumns[p]`] (the
/// largest input width a combine can receive there × the largest width it can choose), and a combine from C
/// to w uses its top-left [C, w] block. BatchNorm is not shared: one set per (position, width) in
/// `combineWidths[p]`. The head's first matrix has `headRows` rows (the widest pooled vector); a path with a
/// narrower pooled vector uses its top rows.
public struct SupernetLayout: Sendable, Equatable {
    /// Per position: rows of the shared combine matrix (0 when no valid architecture has a combine there).
    public var combineRows: [Int]
    /// Per position: columns of the shared combine matrix.
    public var combineColumns: [Int]
    /// Per position: the combine widths that occur there, each with its own BatchNorm (sorted).
    public var combineWidths: [[Int]]
    /// The widest pooled vector the head receives.
    public var headRows: Int
    /// Per pool kind: the input widths a pool of that kind receives in valid architectures (sorted); each
    /// (kind, input width) has its own BatchNorm over the pooled vector.
    public var poolInputWidths: [PoolKind: [Int]]

    /// The layout of `sampler`'s space (only operations of valid architectures get weights).
    public init(_ sampler: ArchitectureSampler) {
        var rows: [Int] = []
        var columns: [Int] = []
        var widths: [[Int]] = []
        var pools: [PoolKind: Set<Int>] = [:]
        for position in 0..<sampler.space.positions {
            var inputs: Set<Int> = []
            var outputs: Set<Int> = []
            for step in sampler.viableSteps(at: position) {
                if case .combine(let width) = step.operation {
                    inputs.insert(step.inputWidth)
                    outputs.insert(width)
                }
                if case .pool(let kind) = step.operation { pools[kind, default: []].insert(step.inputWidth) }
            }
            rows.append(inputs.max() ?? 0)
            columns.append(outputs.max() ?? 0)
            widths.append(outputs.sorted())
        }
        combineRows = rows
        combineColumns = columns
        combineWidths = widths
        headRows = sampler.headInputWidths.max() ?? 0
        poolInputWidths = pools.mapValues { $0.sorted() }
    }

    /// The number of shared scalars (weights, γ, β; not running statistics), head included.
    public func parameterCount(space: DesignSpace) -> Int {
        var total = 0
        for p in combineRows.indices {
            total += combineRows[p] * combineColumns[p] + 2 * combineWidths[p].reduce(0, +)
        }
        for (kind, inputs) in poolInputWidths { total += inputs.reduce(0) { $0 + 2 * kind.width(for: $1) } }
        return total + CostModel.headParameters(input: headRows, space: space)
    }
}

/// How a path names its tensors: `pos3/combine/weight` in both; BatchNorm under `pos3/combine/w64` in the
/// supernet (one per width) and under `pos3/combine` in a standalone model; the BatchNorm after a pool under
/// `pool/max_mean/c16` in the supernet (one per pool kind and input width) and under `pos4/pool` in a
/// standalone model; the head under `head`.
enum PathNaming: Sendable {
    /// The supernet's names.
    case supernet
    /// A standalone model's names.
    case standalone

    /// The combine weight at `position`.
    func combineWeight(_ position: Int) -> String { "pos\(position)/combine/weight" }

    /// The BatchNorm of the combine at `position` with output `width`.
    func combineNorm(_ position: Int, width: Int) -> BatchNormNames {
        switch self {
        case .supernet: return BatchNormNames(layer: "pos\(position)/combine/w\(width)")
        case .standalone: return BatchNormNames(layer: "pos\(position)/combine")
        }
    }

    /// The BatchNorm after the pool of `kind` at `position` whose input is `inputWidth` wide.
    func poolNorm(_ position: Int, kind: PoolKind, inputWidth: Int) -> BatchNormNames {
        switch self {
        case .supernet:
            let parts = kind.parts.map(\.description).joined(separator: "_")
            return BatchNormNames(layer: "pool/\(parts)/c\(inputWidth)")
        case .standalone: return BatchNormNames(layer: "pos\(position)/pool")
        }
    }
}
