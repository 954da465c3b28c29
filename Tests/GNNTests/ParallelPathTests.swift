import Tensor
import Testing

@testable import GNN

// The row-parallel paths (taken when the work exceeds the kernels' thresholds and the budget has more than one
// thread) must give what the serial path gives; the serial path is checked against finite differences
// elsewhere. Tolerance 1e-5 relative (only the order of Float32 partial sums may differ).

func expectClose(_ a: Tensor, _ b: Tensor, _ name: String) {
    #expect(a.shape == b.shape, "\(name): shapes \(a.shape) vs \(b.shape)")
    let worst = zip(a.scalars, b.scalars).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0
    #expect(worst <= 1e-5, "\(name): largest relative difference \(worst)")
}

@Test func parallelEdgeConvAndAggregateMatchTheSerialPath() {
    let graph = randomGraph(batch: 4, nodes: 64, k: 8, seed: 61)
    let x = randomTensor([256, 16], seed: 62)
    let w = randomTensor([32, 32], seed: 63)
    let gamma = Tensor(shape: [32], scalars: (0..<32).map { $0 % 5 == 0 ? -0.7 : 1.1 })
    let beta = randomTensor([32], seed: 64)
    let r = randomTensor([256, 32], seed: 65)
    func edgeConv(training: Bool, threads: ThreadBudget) -> [Tensor] {
        var rm = Tensor.zeros([32])
        var rv = Tensor(shape: [32], repeating: 1)
        let (y, cache) = EdgeConv.forward(
            x, graph: graph, weight: w, gamma: gamma, beta: beta, runningMean: &rm, runningVariance: &rv,
            training: training, threads: threads)
        var wg = Tensor.zeros([32, 32])
        var gg = Tensor.zeros([32])
        var bg = Tensor.zeros([32])
        let dx = EdgeConv.backward(
            r, cache: cache, graph: graph, weight: w, gamma: gamma, beta: beta, weightGrad: &wg, gammaGrad: &gg,
            betaGrad: &bg, threads: threads)
        return [y, dx, wg, gg, bg, rm, rv]
    }
    for training in [true, false] {
        let serial = edgeConv(training: training, threads: .single)
        let parallel = edgeConv(training: training, threads: ThreadBudget(threads: 2))
        for (i, pair) in zip(serial, parallel).enumerated() {
            expectClose(pair.1, pair.0, "edgeconv \(training) #\(i)")
        }
    }
    for message in MessageType.allCases {
        for reducer in Reducer.allCases {
            func aggregate(threads: ThreadBudget) -> [Tensor] {
                let (y, cache) = Aggregate.forward(
                    x, graph: graph, message: message, reducer: reducer, threads: threads)
                let dy = randomTensor([256, message.width(for: 16)], seed: 66)
                return [
                    y,
                    Aggregate.backward(
                        dy, input: x, graph: graph, message: message, reducer: reducer, cache: cache, threads: threads),
                ]
            }
            let serial = aggregate(threads: .single)
            let parallel = aggregate(threads: ThreadBudget(threads: 2))
            for (i, pair) in zip(serial, parallel).enumerated() {
                expectClose(pair.1, pair.0, "aggregate \(message) \(reducer) #\(i)")
            }
        }
    }
}
