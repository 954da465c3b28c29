/// One training or evaluation example: an architecture graph and its measured figure (seconds or joules).
public struct PredictorSample: Sendable, Hashable {
    /// The graph of the (architecture, mapping, bandwidth).
    public var graph: ArchitectureGraph
    /// The measured figure, positive.
    public var target: Double

    /// Pairs a graph with its measurement.
    public init(graph: ArchitectureGraph, target: Double) {
        self.graph = graph
        self.target = target
    }
}
