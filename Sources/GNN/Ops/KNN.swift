import Tensor

/// The k-nearest-neighbour graph of each cloud, from the current features (squared Euclidean distance).
///
/// A node counts as its own nearest neighbour (distance 0), as in DGCNN; ties go to the lower index (see
/// Tensor's `knn`). The choice of neighbours is not differentiated: gradients flow only through the ops that
/// use the graph.
public enum KNN {
    /// Builds the graph of `x` [B·N, C] for B clouds of N nodes on up to `threads.threads` threads; k must not
    /// exceed N.
    public static func graph(_ x: Tensor, batch: Int, nodes: Int, k: Int, threads: ThreadBudget) -> NeighbourGraph {
        precondition(x.rank == 2 && x.shape[0] == batch * nodes, "kNN input must be [B·N, C]")
        precondition(k >= 1 && k <= nodes, "k = \(k) must be in 1...\(nodes)")
        let local = knn(points: x.reshaped([batch, nodes, x.shape[1]]), k: k, threads: threads)
        return NeighbourGraph(batch: batch, nodes: nodes, k: k, localIndices: local)
    }
}
