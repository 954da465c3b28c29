import Tensor

/// What one step computes (forward only, evaluation mode: BatchNorm uses its running statistics).
public enum PlanOperation: Sendable, Equatable {
    /// The kNN graph [B·N, k] of the input features.
    case knn(k: Int)
    /// Neighbourhood aggregation of the input features over the input graph.
    case aggregate(MessageType, Reducer)
    /// Per-node (or per-vector) Linear without bias → BatchNorm → LeakyReLU; several inputs are
    /// concatenated first (DGCNN's skip connections into its embedding).
    case combine(CombineWeights)
    /// DGCNN's block: the kNN graph of the input (k neighbours), then EdgeConv with `weight` [2C, out].
    case edgeConv(k: Int, weight: Tensor, norm: NormWeights)
    /// Column-wise concatenation of the inputs (DGCNN's skip connections).
    case concat
    /// Global pooling over each cloud's nodes, then the BatchNorm `norm` when given (no activation).
    case pool(PoolKind, norm: NormWeights?)
    /// Linear with bias to `outWidth` channels (the head's output layer).
    case linear(weight: Tensor, bias: Tensor, outWidth: Int)
}

/// One step of an execution plan: an operation, the side it runs on, the values it reads and the value
/// it writes.
public struct PlanStep: Sendable, Equatable {
    /// Where the step runs.
    public var side: Side
    /// What it computes.
    public var operation: PlanOperation
    /// The names of the values it reads (features first, then the graph; several for concat).
    public var inputs: [String]
    /// The name of the value it writes.
    public var output: String
    /// For people: `knn(k=20)`, `combine(64)`, `edgeconv1 3→64 (k=20)`, `fc3 → logits`.
    public var description: String

    /// A step from its parts.
    public init(side: Side, operation: PlanOperation, inputs: [String], output: String, description: String) {
        self.side = side
        self.operation = operation
        self.inputs = inputs
        self.output = output
        self.description = description
    }
}
