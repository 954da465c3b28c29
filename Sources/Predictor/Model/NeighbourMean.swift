import Tensor

/// GIN's neighbour aggregation: row i of the result is the mean of `h[sources[e]]` over the edges e with
/// `targets[e] == i` (0 for a node without incoming edges). Built from Tensor's gather and scatter-reduce.
public enum NeighbourMean {
    /// `h` [N, C] → [N, C].
    public static func forward(_ h: Tensor, sources: [Int32], targets: [Int32], threads: ThreadBudget) -> Tensor {
        let messages = gatherRows(h, indices: sources, threads: threads)
        return scatterReduce(messages, targets: targets, rowCount: h.rows, reduce: .mean).output
    }

    /// The gradient with respect to `h` [N, C] of ⟨forward(h), dy⟩: the adjoint of the forward map.
    public static func backward(
        _ dy: Tensor, sources: [Int32], targets: [Int32], threads: ThreadBudget
    ) -> Tensor {
        let dMessages = scatterReduceBackward(dy, targets: targets, reduce: .mean, threads: threads)
        return scatterAddRows(dMessages, indices: sources, rowCount: dy.rows)
    }
}
