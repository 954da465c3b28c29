import Design

/// What one lookup-table entry times: an op type and function at an input and output width, before or after
/// the pool (after it every sample is one row, so the same combine costs far less).
///
/// `opID` is Design's op id (1 combine, 2 aggregate, 3 knn, 4 pool; identity and communicate make no plan
/// step and cost nothing) or `headHidden` / `headOutput` for the classifier head's layers (`functionID` 0).
public struct CostKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The op id of a hidden head layer (Linear → BatchNorm → LeakyReLU on the pooled vector).
    public static let headHidden = 6
    /// The op id of the head's output layer (Linear with bias to the classes).
    public static let headOutput = 7
    /// Design's op id, or `headHidden` / `headOutput`.
    public var opID: Int
    /// Design's function id (0 for head layers).
    public var functionID: Int
    /// Channels in.
    public var inputWidth: Int
    /// Channels out.
    public var outputWidth: Int
    /// Whether the op runs after the pool (one row per sample).
    public var pooled: Bool

    /// A key from its parts.
    public init(opID: Int, functionID: Int, inputWidth: Int, outputWidth: Int, pooled: Bool) {
        self.opID = opID
        self.functionID = functionID
        self.inputWidth = inputWidth
        self.outputWidth = outputWidth
        self.pooled = pooled
    }

    /// The key of `operation` on `inputWidth` channels; nil for identity and communicate (no plan step).
    public init?(_ operation: Operation, inputWidth: Int, pooled: Bool) {
        if case .identity = operation { return nil }
        if case .communicate = operation { return nil }
        self.init(
            opID: operation.opID, functionID: operation.functionID, inputWidth: inputWidth,
            outputWidth: operation.outputWidth(for: inputWidth), pooled: pooled)
    }

    /// The key of head layer `layer` of a head with layer widths `widths` (input, hidden…, classes).
    public static func head(widths: [Int], layer: Int) -> CostKey {
        CostKey(
            opID: layer == widths.count - 2 ? headOutput : headHidden, functionID: 0, inputWidth: widths[layer],
            outputWidth: widths[layer + 1], pooled: true)
    }

    /// The Design operation, or nil for head layers.
    public var operation: Operation? {
        guard opID < Self.headHidden, case .success(let op) = Operation.decode(opID: opID, functionID: functionID)
        else { return nil }
        return op
    }

    /// Ordered by op, function, widths, then pooled.
    public static func < (a: CostKey, b: CostKey) -> Bool {
        (a.opID, a.functionID, a.inputWidth, a.outputWidth, a.pooled ? 1 : 0)
            < (b.opID, b.functionID, b.inputWidth, b.outputWidth, b.pooled ? 1 : 0)
    }

    /// E.g. `combine(64) 32→64` or `head fc 64→32 (pooled)`.
    public var description: String {
        let name: String
        switch opID {
        case Self.headHidden: name = "head hidden"
        case Self.headOutput: name = "head output"
        default: name = operation.map { "\($0)" } ?? "op \(opID).\(functionID)"
        }
        return "\(name) \(inputWidth)→\(outputWidth)" + (pooled ? " (pooled)" : "")
    }
}
