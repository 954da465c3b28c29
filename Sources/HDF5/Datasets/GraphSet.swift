import Tensor

/// A labelled set of graphs in memory, in Tandem's generic graph layout (README, "File formats"):
/// `x` float32 [total_nodes, F], `edge_index` int64 [2, E], `graph_ptr` int64 [N+1], `y` int [N].
public struct GraphSet: Sendable, Equatable {
    /// Node features of all graphs stacked, shape [totalNodes, F].
    public var features: Tensor
    /// Edge sources (global node indices), E entries; edge e goes `sources[e] → targets[e]`.
    public var sources: [Int64]
    /// Edge targets (global node indices), E entries.
    public var targets: [Int64]
    /// Node offsets per graph: graph g owns nodes `graphPointer[g] ..< graphPointer[g + 1]`; N + 1 entries.
    public var graphPointer: [Int64]
    /// One class index per graph, N entries.
    public var labels: [Int32]

    /// Creates a set from already validated arrays (readers validate files before calling this).
    public init(features: Tensor, sources: [Int64], targets: [Int64], graphPointer: [Int64], labels: [Int32]) {
        self.features = features
        self.sources = sources
        self.targets = targets
        self.graphPointer = graphPointer
        self.labels = labels
    }

    /// The number of graphs N.
    public var count: Int { labels.count }
    /// The number of features per node F.
    public var featureWidth: Int { features.shape.count == 2 ? features.shape[1] : 0 }
}
