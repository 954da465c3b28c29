extension GraphSet {
    /// A rule of the graph layout that a set breaks: the dataset it concerns and what is wrong.
    public struct ValidationProblem: Sendable, Equatable {
        /// The layout's dataset name: `x`, `edge_index`, `graph_ptr` or `y`.
        public var dataset: String
        /// What is wrong, with the offending position and value.
        public var message: String
    }

    /// The first rule the set breaks, or nil when it is valid: `x` is [total_nodes, F]; `graph_ptr` starts at
    /// 0, never decreases and ends at total_nodes; one label per graph, none negative; as many sources as
    /// targets; every edge index is in 0..<total_nodes and both ends of an edge lie in the same graph.
    public func validationProblem() -> ValidationProblem? {
        guard features.rank == 2 else {
            return ValidationProblem(dataset: "x", message: "has shape \(features.shape), expected [total_nodes, F]")
        }
        let totalNodes = Int64(features.shape[0])
        guard let first = graphPointer.first, let last = graphPointer.last else {
            return ValidationProblem(dataset: "graph_ptr", message: "is empty, expected N+1 offsets starting at 0")
        }
        guard first == 0 else {
            return ValidationProblem(dataset: "graph_ptr", message: "starts at \(first), expected 0")
        }
        for index in 1..<graphPointer.count where graphPointer[index] < graphPointer[index - 1] {
            return ValidationProblem(
                dataset: "graph_ptr",
                message: "decreases at entry \(index) (\(graphPointer[index - 1]) then \(graphPointer[index]))")
        }
        guard last == totalNodes else {
            return ValidationProblem(
                dataset: "graph_ptr", message: "ends at \(last), but 'x' has \(totalNodes) nodes")
        }
        guard labels.count == graphPointer.count - 1 else {
            return ValidationProblem(
                dataset: "y", message: "has \(labels.count) labels for \(graphPointer.count - 1) graphs")
        }
        if let bad = labels.firstIndex(where: { $0 < 0 }) {
            return ValidationProblem(dataset: "y", message: "label \(labels[bad]) of graph \(bad) is negative")
        }
        guard sources.count == targets.count else {
            return ValidationProblem(
                dataset: "edge_index", message: "has \(sources.count) sources but \(targets.count) targets")
        }
        for edge in sources.indices {
            let source = sources[edge]
            let target = targets[edge]
            for (row, node) in [(0, source), (1, target)] where node < 0 || node >= totalNodes {
                return ValidationProblem(
                    dataset: "edge_index",
                    message: "edge \(edge) has node \(node) in row \(row), outside 0..<\(totalNodes)")
            }
            let sourceGraph = graph(ofNode: source)
            let targetGraph = graph(ofNode: target)
            if sourceGraph != targetGraph {
                return ValidationProblem(
                    dataset: "edge_index",
                    message: "edge \(edge) joins node \(source) of graph \(sourceGraph) to node \(target) of graph "
                        + "\(targetGraph); edges must stay within one graph")
            }
        }
        return nil
    }

    /// The graph that owns global node `node` (binary search in `graphPointer`; `node` must be in range).
    public func graph(ofNode node: Int64) -> Int {
        var low = 0
        var high = graphPointer.count - 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if graphPointer[middle] <= node { low = middle } else { high = middle }
        }
        return low
    }
}
