import Tensor

/// The k-nearest-neighbour graph of each cloud, from the current features (squared Euclidean distance).
///
/// A node counts as its own nearest neighbour (distance 0), as in DGCNN. Ties go to the lower index.
/// The choice of neighbours is not differentiated: gradients flow only through the ops that use the graph.
public enum KNN {
    /// Builds the graph of `x` [B·N, C] for B clouds of N nodes; k must not exceed N.
    public static func graph(_ x: Tensor, batch: Int, nodes: Int, k: Int) -> NeighbourGraph {
        precondition(x.rank == 2 && x.shape[0] == batch * nodes, "kNN input must be [B·N, C]")
        precondition(k >= 1 && k <= nodes, "k = \(k) must be in 1...\(nodes)")
        let c = x.shape[1]
        var indices = [Int32](repeating: 0, count: batch * nodes * k)
        var gram = [Float](repeating: 0, count: nodes * nodes)
        var norms = [Float](repeating: 0, count: nodes)
        var bestDistance = [Float](repeating: 0, count: k)
        var bestIndex = [Int32](repeating: 0, count: k)
        x.withUnsafeBufferPointer { xp in
            guard let xa = xp.baseAddress else { return }
            for b in 0..<batch {
                let cloud = xa + b * nodes * c
                gram.withUnsafeMutableBufferPointer { gp in
                    guard let ga = gp.baseAddress else { return }
                    Matmul.gemm(
                        transA: false, transB: true, m: nodes, n: nodes, k: c, a: cloud, lda: c, b: cloud, ldb: c,
                        beta: 0, c: ga, ldc: nodes)
                }
                for i in 0..<nodes { norms[i] = gram[i * nodes + i] }
                for i in 0..<nodes {
                    var filled = 0
                    let row = i * nodes
                    for j in 0..<nodes {
                        let d = norms[j] - 2 * gram[row + j]
                        if filled == k && d >= bestDistance[k - 1] { continue }
                        var slot = filled == k ? k - 1 : filled
                        if filled < k { filled += 1 }
                        while slot > 0 && bestDistance[slot - 1] > d {
                            bestDistance[slot] = bestDistance[slot - 1]
                            bestIndex[slot] = bestIndex[slot - 1]
                            slot -= 1
                        }
                        bestDistance[slot] = d
                        bestIndex[slot] = Int32(j)
                    }
                    let out = ((b * nodes) + i) * k
                    for j in 0..<k { indices[out + j] = bestIndex[j] + Int32(b * nodes) }
                }
            }
        }
        return NeighbourGraph(batch: batch, nodes: nodes, k: k, indices: indices)
    }
}
