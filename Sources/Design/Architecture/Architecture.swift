import GNN

/// A candidate network: one operation per position, followed by the fixed classifier head.
///
/// A plain value (it may be invalid until checked): `validate(in:)` names the first broken rule, the parsers
/// validate what they return, and `mapping(in:)` derives widths, sides, link payloads and costs. Two
/// architectures are equal when their encodings are.
public struct Architecture: Sendable, Hashable, CustomStringConvertible {
    /// The operation at each position, first to last.
    public var operations: [Operation]

    /// An architecture from its operations (not checked; call `validate(in:)`).
    public init(_ operations: [Operation]) { self.operations = operations }

    /// The number of positions.
    public var positions: Int { operations.count }

    /// The 24-integer encoding (for 12 positions): every op id, then every function id.
    public var encoding: [Int] { operations.map(\.opID) + operations.map(\.functionID) }

    /// The paper's dataset form: op ids, a comma, function ids, e.g. `1 5 3 2 3 2 1 2 0 2 2 4,2 0 0 6 0 6 4 6 0 6 6 3`.
    public var datasetForm: String {
        operations.map { String($0.opID) }.joined(separator: " ") + ","
            + operations.map { String($0.functionID) }.joined(separator: " ")
    }

    /// The readable form, e.g. `knn | agg(rel,max) | combine(64) | comm | ...`.
    public var text: String { operations.map(\.description).joined(separator: " | ") }

    /// The readable form.
    public var description: String { text }

    /// The positions holding a communicate, in order.
    public var communicatePositions: [Int] { operations.indices.filter { operations[$0] == .communicate } }

    /// The mapping pattern implied by the communicates, or nil when there are more than two.
    public var mode: Mode? {
        let places = communicatePositions
        return Mode(communicates: places.count, firstAtStart: places.first == 0)
    }

    /// The side each position runs on (a communicate runs on the side that sends), and the head's side last.
    public var sides: [Side] {
        var side = Side.device
        var result: [Side] = []
        for op in operations {
            result.append(side)
            if op == .communicate { side = side.other }
        }
        result.append(side)
        return result
    }
}
