/// The k-nearest-neighbour graph of a batch of clouds: node i's j-th neighbour is row `indices[i·k + j]`.
///
/// Rows are global (`cloud · nodes + local`), so gathers over a node-major feature matrix [B·N, C] need no
/// offset arithmetic. Every node has exactly `k` neighbours, all in its own cloud.
public struct NeighbourGraph: Sendable, Equatable {
    /// The number of clouds B.
    public let batch: Int
    /// The number of nodes per cloud N.
    public let nodes: Int
    /// The number of neighbours per node k.
    public let k: Int
    /// Global neighbour rows, B·N·k entries, node-major.
    public let indices: [Int32]

    /// Creates a graph from global neighbour rows; checks the count and that each row stays in its cloud.
    public init(batch: Int, nodes: Int, k: Int, indices: [Int32]) {
        precondition(indices.count == batch * nodes * k, "graph needs \(batch * nodes * k) indices")
        precondition(
            indices.indices.allSatisfy { Int(indices[$0]) / max(nodes, 1) == $0 / max(nodes * k, 1) },
            "a neighbour index leaves its cloud")
        self.batch = batch
        self.nodes = nodes
        self.k = k
        self.indices = indices
    }

    /// Creates a graph from per-cloud local indices (0..<N), B·N·k entries, as the batched kNN returns them.
    public init(batch: Int, nodes: Int, k: Int, localIndices: [Int32]) {
        precondition(localIndices.count == batch * nodes * k, "graph needs \(batch * nodes * k) indices")
        var global = localIndices
        let perCloud = nodes * k
        for b in 0..<batch {
            let offset = Int32(b * nodes)
            for e in (b * perCloud)..<((b + 1) * perCloud) {
                precondition(localIndices[e] >= 0 && Int(localIndices[e]) < nodes, "local index out of range")
                global[e] = localIndices[e] + offset
            }
        }
        self.batch = batch
        self.nodes = nodes
        self.k = k
        self.indices = global
    }

    /// The number of rows B·N.
    public var rows: Int { batch * nodes }

    /// How many times each row is somebody's neighbour (in-degree), B·N entries.
    public var inDegree: [Float] {
        var degree = [Float](repeating: 0, count: rows)
        for r in indices { degree[Int(r)] += 1 }
        return degree
    }
}
