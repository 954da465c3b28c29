import GNN

/// One position's choice: an op type together with its function (the pair of integers of the encoding).
///
/// Function ids are global (the paper's table, SPEC.md §2), not relative to a space: combine id i is width
/// `8·2^i` (ids 0–6, widths 8…512), aggregate id is `message · 3 + reducer` (extractor-major, ids 0–11),
/// pool ids 0–5 follow `PoolKind`. A `DesignSpace` then allows a subset of them.
public enum Operation: Sendable, Hashable, CustomStringConvertible {
    /// Pass-through.
    case identity
    /// Linear → BatchNorm → LeakyReLU to `width` channels.
    case combine(width: Int)
    /// Aggregates `message`s from the k neighbours with `reducer`.
    case aggregate(MessageType, Reducer)
    /// Builds the kNN graph from the current features.
    case knn
    /// Global pooling.
    case pool(PoolKind)
    /// Sends the current tensors to the other side.
    case communicate

    /// The combine widths by function id (the paper's: 8, 16, 32, 64, 128, 256, 512).
    public static let combineWidthTable = [8, 16, 32, 64, 128, 256, 512]

    /// The op type (op id = its raw value).
    public var type: OpType {
        switch self {
        case .identity: return .identity
        case .combine: return .combine
        case .aggregate: return .aggregate
        case .knn: return .knn
        case .pool: return .pool
        case .communicate: return .communicate
        }
    }

    /// The op id of the encoding.
    public var opID: Int { type.rawValue }

    /// The function id of the encoding. A combine width outside the table yields -1 (never produced by the
    /// parsers, which reject such widths).
    public var functionID: Int {
        switch self {
        case .identity, .knn, .communicate: return 0
        case .combine(let width): return Operation.combineWidthTable.firstIndex(of: width) ?? -1
        case .aggregate(let message, let reducer): return message.rawValue * Reducer.allCases.count + reducer.rawValue
        case .pool(let kind): return kind.rawValue
        }
    }

    /// The operation for an (op id, function id) pair, or nil with the reason when either is out of range.
    public static func decode(opID: Int, functionID: Int) -> Result<Operation, DecodeFailure> {
        guard let type = OpType(rawValue: opID) else { return .failure(.unknownOp(opID)) }
        guard (0..<type.functionCount).contains(functionID) else {
            return .failure(.functionOutOfRange(type, functionID))
        }
        switch type {
        case .identity: return .success(.identity)
        case .knn: return .success(.knn)
        case .communicate: return .success(.communicate)
        case .combine: return .success(.combine(width: combineWidthTable[functionID]))
        case .pool:
            guard let kind = PoolKind(rawValue: functionID) else {
                return .failure(.functionOutOfRange(type, functionID))
            }
            return .success(.pool(kind))
        case .aggregate:
            let reducers = Reducer.allCases.count
            guard let message = MessageType(rawValue: functionID / reducers),
                let reducer = Reducer(rawValue: functionID % reducers)
            else { return .failure(.functionOutOfRange(type, functionID)) }
            return .success(.aggregate(message, reducer))
        }
    }

    /// Why an (op id, function id) pair names no operation.
    public enum DecodeFailure: Error, Sendable, Equatable {
        /// The op id is not 0–5.
        case unknownOp(Int)
        /// The function id is outside the op type's range.
        case functionOutOfRange(OpType, Int)
    }

    /// The output width for input width `c` (SPEC.md §2's table).
    public func outputWidth(for c: Int) -> Int {
        switch self {
        case .identity, .knn, .communicate: return c
        case .combine(let width): return width
        case .aggregate(let message, _): return message.width(for: c)
        case .pool(let kind): return kind.width(for: c)
        }
    }

    /// The readable form: `id`, `combine(64)`, `agg(rel,max)`, `knn`, `pool(max+mean)`, `comm`.
    public var description: String {
        switch self {
        case .identity, .knn, .communicate: return type.keyword
        case .combine(let width): return "combine(\(width))"
        case .aggregate(let message, let reducer): return "agg(\(message),\(reducer))"
        case .pool(let kind): return "pool(\(kind))"
        }
    }
}
