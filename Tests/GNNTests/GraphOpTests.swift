import Foundation
import Tensor
import Testing

@testable import GNN

// Finite-difference checks (h = 1e-3, Float64 loss, tolerance 1e-2 relative) and brute-force references.

struct AggregateCase: CustomTestStringConvertible, Sendable {
    let message: MessageType
    let reducer: Reducer
    var testDescription: String { "\(message),\(reducer)" }
}

let aggregateCases = MessageType.allCases.flatMap { m in Reducer.allCases.map { AggregateCase(message: m, reducer: $0) }
}

@Test(arguments: aggregateCases)
func aggregateHasFiniteDifferenceGradients(_ test: AggregateCase) {
    let graph = randomGraph(batch: 2, nodes: 5, k: 3, seed: 21)
    let x = randomTensor([10, 3], seed: 22)
    let width = test.message.width(for: 3)
    let r = randomTensor([10, width], seed: 23)
    let (y, cache) = Aggregate.forward(x, graph: graph, message: test.message, reducer: test.reducer, threads: .single)
    #expect(y.shape == [10, width])
    let dx = Aggregate.backward(
        r, input: x, graph: graph, message: test.message, reducer: test.reducer, cache: cache, threads: .single)
    expectGradient("dx", at: x, analytic: dx) {
        weightedSum(Aggregate.forward($0, graph: graph, message: test.message, reducer: test.reducer, threads: .single).0, r)
    }
}

@Test(arguments: aggregateCases)
func aggregateMatchesBruteForceMessages(_ test: AggregateCase) {
    let graph = randomGraph(batch: 2, nodes: 4, k: 2, seed: 24)
    let x = randomTensor([8, 2], seed: 25)
    let c = 2
    let (y, _) = Aggregate.forward(x, graph: graph, message: test.message, reducer: test.reducer, threads: .single)
    for i in 0..<8 {
        // Materialise every message, then reduce.
        var messages = [[Float]]()
        for j in 0..<graph.k {
            let n = Int(graph.indices[i * graph.k + j])
            let xi = (0..<c).map { x[i, $0] }
            let xj = (0..<c).map { x[n, $0] }
            let rel = zip(xj, xi).map { $0 - $1 }
            let norm = rel.map { $0 * $0 }.reduce(0, +).squareRoot()
            switch test.message {
            case .full: messages.append(xi + xj + rel + [norm])
            case .source: messages.append(xj)
            case .edgeConv: messages.append(xi + rel)
            case .relative: messages.append(rel)
            }
        }
        for w in 0..<messages[0].count {
            let column = messages.map { $0[w] }
            let expected: Float
            switch test.reducer {
            case .max: expected = column.max() ?? 0
            case .sum: expected = column.reduce(0, +)
            case .mean: expected = column.reduce(0, +) / Float(column.count)
            }
            #expect(abs(y[i, w] - expected) <= 1e-5 * max(1, abs(expected)), "node \(i) channel \(w)")
        }
    }
}

@Test(arguments: PoolKind.allCases)
func poolHasFiniteDifferenceGradientsAndBruteForceValues(_ kind: PoolKind) {
    let x = randomTensor([8, 3], seed: 26)
    let r = randomTensor([2, kind.width(for: 3)], seed: 27)
    let (y, cache) = Pool.forward(x, batch: 2, nodes: 4, kind: kind)
    let dx = Pool.backward(r, batch: 2, nodes: 4, width: 3, kind: kind, cache: cache)
    expectGradient("dx", at: x, analytic: dx) { weightedSum(Pool.forward($0, batch: 2, nodes: 4, kind: kind).0, r) }
    for b in 0..<2 {
        for (p, part) in kind.parts.enumerated() {
            for ch in 0..<3 {
                let column = (0..<4).map { x[b * 4 + $0, ch] }
                let expected: Float
                switch part {
                case .max: expected = column.max() ?? 0
                case .sum: expected = column.reduce(0, +)
                case .mean: expected = column.reduce(0, +) / 4
                }
                #expect(abs(y[b, p * 3 + ch] - expected) <= 1e-5)
            }
        }
    }
}

@Test(arguments: [true, false])
func edgeConvHasFiniteDifferenceGradients(training: Bool) {
    let graph = randomGraph(batch: 2, nodes: 5, k: 3, seed: 31)
    let x = randomTensor([10, 3], seed: 32)
    let w = randomTensor([6, 4], seed: 33)
    // One negative γ exercises the min branch of the max.
    let gamma = Tensor(shape: [4], scalars: [1.2, -0.7, 0.5, 0.9])
    let beta = randomTensor([4], seed: 34)
    let r = randomTensor([10, 4], seed: 35)
    func run(_ x: Tensor, _ w: Tensor, _ gamma: Tensor, _ beta: Tensor) -> (Tensor, EdgeConvCache) {
        var rm = Tensor(shape: [4], scalars: [0.1, -0.2, 0.3, 0])
        var rv = Tensor(shape: [4], scalars: [1.5, 0.8, 2, 1])
        return EdgeConv.forward(
            x, graph: graph, weight: w, gamma: gamma, beta: beta, runningMean: &rm, runningVariance: &rv,
            training: training, threads: .single)
    }
    let (_, cache) = run(x, w, gamma, beta)
    var wg = Tensor.zeros([6, 4])
    var gg = Tensor.zeros([4])
    var bg = Tensor.zeros([4])
    let dx = EdgeConv.backward(
        r, cache: cache, graph: graph, weight: w, gamma: gamma, beta: beta, weightGrad: &wg, gammaGrad: &gg,
        betaGrad: &bg, threads: .single)
    expectGradient("dx", at: x, analytic: dx) { weightedSum(run($0, w, gamma, beta).0, r) }
    expectGradient("dW", at: w, analytic: wg) { weightedSum(run(x, $0, gamma, beta).0, r) }
    expectGradient("dgamma", at: gamma, analytic: gg) { weightedSum(run(x, w, $0, beta).0, r) }
    expectGradient("dbeta", at: beta, analytic: bg) { weightedSum(run(x, w, gamma, $0).0, r) }
}

@Test func edgeConvMatchesPerEdgeMLPThenMax() {
    // Brute force: materialise every edge feature [x_i, x_j − x_i], apply Linear → BN (batch statistics over
    // all edges) → LeakyReLU, then take the max over the k edges.
    let graph = randomGraph(batch: 2, nodes: 4, k: 3, seed: 36)
    let x = randomTensor([8, 2], seed: 37)
    let w = randomTensor([4, 3], seed: 38)
    let gamma = Tensor(shape: [3], scalars: [0.8, -1.1, 1.3])
    let beta = randomTensor([3], seed: 39)
    var rm = Tensor.zeros([3])
    var rv = Tensor(shape: [3], repeating: 1)
    let (y, _) = EdgeConv.forward(
        x, graph: graph, weight: w, gamma: gamma, beta: beta, runningMean: &rm, runningVariance: &rv, training: true, threads: .single)
    var edges = [Float]()
    for i in 0..<8 {
        for j in 0..<3 {
            let n = Int(graph.indices[i * 3 + j])
            edges += [x[i, 0], x[i, 1], x[n, 0] - x[i, 0], x[n, 1] - x[i, 1]]
        }
    }
    var bm = Tensor.zeros([3])
    var bv = Tensor(shape: [3], repeating: 1)
    var (h, _) = BatchNorm.forward(
        Linear.forward(Tensor(shape: [24, 4], scalars: edges), weight: w, inWidth: 4, outWidth: 3, threads: .single), gamma: gamma,
        beta: beta, runningMean: &bm, runningVariance: &bv, training: true)
    LeakyReLU.apply(&h)
    for i in 0..<8 {
        for ch in 0..<3 {
            let expected = (0..<3).map { h[i * 3 + $0, ch] }.max() ?? 0
            #expect(abs(y[i, ch] - expected) <= 1e-5, "node \(i) channel \(ch)")
        }
    }
    for ch in 0..<3 {
        #expect(abs(rm[ch] - bm[ch]) <= 1e-6)
        #expect(abs(rv[ch] - bv[ch]) <= 1e-5)
    }
}

@Test func crossEntropyWithSmoothingHasFiniteDifferenceGradients() {
    let logits = randomTensor([3, 4], seed: 41, scale: 2)
    let labels: [Int32] = [2, 0, 3]
    let (loss, grad) = CrossEntropy.lossAndGradient(logits: logits, labels: labels, smoothing: 0.2)
    expectGradient("dlogits", at: logits, analytic: grad) {
        Double(CrossEntropy.lossAndGradient(logits: $0, labels: labels, smoothing: 0.2).0)
    }
    // Brute force: −Σ target · log softmax, averaged.
    var expected = 0.0
    for r in 0..<3 {
        let row = (0..<4).map { Double(logits[r, $0]) }
        let logSum = log(row.map { exp($0) }.reduce(0, +))
        for j in 0..<4 {
            let target = j == Int(labels[r]) ? 0.8 : 0.2 / 3
            expected -= target * (row[j] - logSum)
        }
    }
    #expect(abs(Double(loss) - expected / 3) < 1e-5)
}

@Test func knnMatchesBruteForceDistances() {
    let x = randomTensor([2 * 12, 3], seed: 42)
    let graph = KNN.graph(x, batch: 2, nodes: 12, k: 4, threads: .single)
    for i in 0..<24 {
        let cloud = i / 12
        var distances = [(Float, Int)]()
        for j in 0..<12 {
            let n = cloud * 12 + j
            var d: Float = 0
            for ch in 0..<3 {
                let e = x[i, ch] - x[n, ch]
                d += e * e
            }
            distances.append((d, n))
        }
        distances.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        let found = Set(graph.indices[(i * 4)..<(i * 4 + 4)].map { Int($0) })
        let expected = Set(distances.prefix(4).map { $0.1 })
        #expect(found == expected, "node \(i)")
        #expect(graph.indices[i * 4] == Int32(i), "a node is its own nearest neighbour")
    }
}

@Test func dropoutZeroesAboutTheRateAndScalesTheRest() {
    var x = Tensor(shape: [4000], repeating: 1)
    var g = SeededGenerator(seed: 5)
    let mask = Dropout.forward(&x, rate: 0.5, generator: &g)
    let zeros = x.scalars.filter { $0 == 0 }.count
    #expect(abs(zeros - 2000) < 150)
    #expect(x.scalars.allSatisfy { $0 == 0 || $0 == 2 })
    var dy = Tensor(shape: [4000], repeating: 1)
    Dropout.backward(&dy, mask: mask)
    #expect(dy == x)
}
