import Tensor

/// The value that flows between GNN operations for a batch of B clouds of N nodes each.
///
/// Before pooling, `features` is node-major [B·N, C] and `graph` is the latest kNN graph (nil until one is
/// built). After pooling, `features` is [B, C], `nodes` is 1 and `isPooled` is true.
public struct NodeBatch: Sendable {
    /// Node features [B·N, C], or pooled features [B, C].
    public var features: Tensor
    /// The number of clouds B.
    public var batch: Int
    /// The number of nodes per cloud N (1 after pooling).
    public var nodes: Int
    /// The neighbour graph built by the last kNN, if any.
    public var graph: NeighbourGraph?
    /// Whether a global pool has reduced each cloud to one vector.
    public var isPooled: Bool

    /// Creates a batch value; `features` must have B·N rows.
    public init(features: Tensor, batch: Int, nodes: Int, graph: NeighbourGraph? = nil, isPooled: Bool = false) {
        precondition(features.rank == 2 && features.shape[0] == batch * nodes, "features must be [B·N, C]")
        self.features = features
        self.batch = batch
        self.nodes = nodes
        self.graph = graph
        self.isPooled = isPooled
    }

    /// The batch of raw point clouds [B, N, 3] (or [B·N, 3]) as node features.
    public init(points: Tensor, batch: Int, nodes: Int) {
        self.init(
            features: points.reshaped([batch * nodes, points.count / max(batch * nodes, 1)]), batch: batch, nodes: nodes
        )
    }

    /// The feature width C.
    public var width: Int { features.shape[1] }
}
