import Tensor

/// Many architecture graphs as one block-diagonal graph: node rows stacked, edge indices offset, and the
/// graph each node belongs to (for the sum readout).
public struct GraphBatch: Sendable {
    /// The stacked node features [totalNodes, FeatureLayout.width].
    public var features: Tensor
    /// Edge sources, offset into the stacked nodes.
    public var sources: [Int32]
    /// Edge targets, offset into the stacked nodes.
    public var targets: [Int32]
    /// The graph (0-based, in the order given) of every stacked node.
    public var graphOfNode: [Int32]
    /// The number of graphs.
    public var graphCount: Int

    /// Stacks `graphs` in order, dividing the linear columns (`FeatureLayout.linearColumns`) by `scale`
    /// (a model's target scale; 1 leaves them in seconds).
    public init(_ graphs: [ArchitectureGraph], scale: Double) {
        self.init(graphs, scales: [Double](repeating: scale, count: graphs.count))
    }

    /// Stacks `graphs` in order, dividing each graph's linear columns by its own entry of `scales` (a residual
    /// model passes each graph's baseline latency, so the columns hold shares of the estimate).
    public init(_ graphs: [ArchitectureGraph], scales: [Double]) {
        precondition(scales.count == graphs.count, "GraphBatch: \(graphs.count) graphs, \(scales.count) scales")
        var scalars: [Float] = []
        sources = []
        targets = []
        graphOfNode = []
        var offset: Int32 = 0
        for (index, graph) in graphs.enumerated() {
            scalars += graph.features
            sources += graph.sources.map { $0 + offset }
            targets += graph.targets.map { $0 + offset }
            graphOfNode += [Int32](repeating: Int32(index), count: graph.nodeCount)
            offset += Int32(graph.nodeCount)
        }
        for row in 0..<Int(offset) {
            let scale = scales[Int(graphOfNode[row])]
            let inverse = Float(scale > 0 && scale.isFinite ? 1 / scale : 1)
            for column in FeatureLayout.linearColumns { scalars[row * FeatureLayout.width + column] *= inverse }
        }
        features = Tensor(shape: [Int(offset), FeatureLayout.width], scalars: scalars)
        graphCount = graphs.count
    }

    /// The number of stacked nodes.
    public var nodeCount: Int { graphOfNode.count }
}
