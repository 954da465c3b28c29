import GNN
import Tensor

extension Supernet {
    /// For gradient tests: the path's gradients for one batch in training mode (no parameter change), and
    /// the largest absolute gradient outside the blocks the path used.
    public func gradientForTesting(_ architecture: Architecture, points: Tensor, labels: [Int32], batch: Int)
        throws(DesignError) -> ([String: Tensor], Float)
    {
        try architecture.validate(in: space)
        var store = self.store
        var none: BatchStatistics?
        var generator = SeededGenerator(seed: 0)
        let path = program(architecture)
        let (logits, tape) = path.forward(
            points, batch: batch, nodes: space.pointsPerCloud, store: &store, training: true, statistics: &none,
            generator: &generator, threads: .single)
        guard let tape else { preconditionFailure("training forward records a tape") }
        let (_, dLogits) = CrossEntropy.lossAndGradient(logits: logits, labels: labels)
        let (gradients, regions) = path.backward(dLogits, tape: tape, store: store, threads: .single)
        var outside: Float = 0
        for (name, region) in regions {
            guard let g = gradients.values[name], g.rank == 2 else { continue }
            for r in 0..<g.shape[0] {
                for c in 0..<g.shape[1] where r >= region.rows || c >= region.columns {
                    outside = max(outside, abs(g[r, c]))
                }
            }
        }
        return (gradients.values, outside)
    }

    /// For gradient tests: the training-mode loss with parameter `name`[r, c] moved by `delta`.
    public func lossForTesting(
        _ architecture: Architecture, points: Tensor, labels: [Int32], batch: Int, nudging name: String, _ r: Int,
        _ c: Int, by delta: Float
    ) throws(DesignError) -> Float {
        try architecture.validate(in: space)
        var store = self.store
        store.parameters[name]?[r, c] += delta
        var none: BatchStatistics?
        var generator = SeededGenerator(seed: 0)
        let (logits, _) = program(architecture).forward(
            points, batch: batch, nodes: space.pointsPerCloud, store: &store, training: true, statistics: &none,
            generator: &generator, threads: .single)
        return CrossEntropy.lossAndGradient(logits: logits, labels: labels).0
    }
}
