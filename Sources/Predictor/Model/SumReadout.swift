import Tensor

/// GIN's readout: the sum of the node rows of each graph of a batch.
public enum SumReadout {
    /// `h` [N, C] → [graphCount, C]; row g sums the rows i with `graphOfNode[i] == g`.
    public static func forward(_ h: Tensor, graphOfNode: [Int32], graphCount: Int) -> Tensor {
        scatterReduce(h, targets: graphOfNode, rowCount: graphCount, reduce: .sum).output
    }

    /// The gradient with respect to `h` [N, C]: each node receives its graph's row of `dy` [graphCount, C].
    public static func backward(_ dy: Tensor, graphOfNode: [Int32], threads: ThreadBudget) -> Tensor {
        gatherRows(dy, indices: graphOfNode, threads: threads)
    }
}
