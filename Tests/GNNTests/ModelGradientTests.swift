import Tensor
import Testing

@testable import GNN

// Whole-model gradients against central finite differences (h = 1e-3, Float64 loss, tolerance 2e-2
// relative): a few entries of every parameter of a tiny DGCNN (graphs fixed, so the kNN choice does not
// move) and a tiny PointNet, in training mode without dropout.

/// Checks up to `perTensor` entries of every parameter of `store` against finite differences of `loss`.
func expectParameterGradients(
    _ store: ParameterStore, _ gradients: Gradients, perTensor: Int = 3, loss: (ParameterStore) -> Double
) {
    for name in store.parameters.keys.sorted() {
        let value = store.parameter(name)
        let analytic = gradients[name]
        let stride = max(1, value.count / perTensor)
        for i in Swift.stride(from: 0, to: value.count, by: stride).prefix(perTensor) {
            var plus = store
            plus.parameters[name]?.scalars[i] += 1e-3
            var minus = store
            minus.parameters[name]?.scalars[i] -= 1e-3
            let numeric = (loss(plus) - loss(minus)) / 2e-3
            let error = abs(Double(analytic.scalars[i]) - numeric) / max(1, abs(numeric))
            #expect(error <= 2e-2, "\(name)[\(i)]: analytic \(analytic.scalars[i]) vs numeric \(numeric)")
        }
    }
}

@Test func dgcnnGradientsMatchFiniteDifferences() {
    var generator = SeededGenerator(seed: 3)
    let configuration = DGCNN.Configuration(
        classes: 3, k: 3, edgeWidths: [4, 5], embedding: 6, hidden: [5, 4], dropout: 0)
    let model = DGCNN(configuration, generator: &generator)
    let points = randomTensor([2 * 6, 3], seed: 51)
    let labels: [Int32] = [1, 2]
    // Record the graphs of the unperturbed model, then reuse them.
    var recorder = model
    var graphs = [NeighbourGraph]()
    let (_, _) = recorder.forward(
        points, batch: 2, nodes: 6, training: true, generator: &generator, threads: .single
    ) { x, k in
        let g = KNN.graph(x, batch: 2, nodes: 6, k: k, threads: .single)
        graphs.append(g)
        return g
    }
    func run(_ store: ParameterStore) -> (Double, Gradients) {
        var m = DGCNN(configuration, store: store)
        var g = SeededGenerator(seed: 0)
        var layer = 0
        let (logits, tape) = m.forward(
            points, batch: 2, nodes: 6, training: true, generator: &g, threads: .single
        ) { _, _ in
            defer { layer += 1 }
            return graphs[layer]
        }
        let (loss, dLogits) = CrossEntropy.lossAndGradient(logits: logits, labels: labels, smoothing: 0.2)
        return (Double(loss), m.backward(dLogits, tape: tape, threads: .single))
    }
    let (_, gradients) = run(model.store)
    #expect(Set(gradients.values.keys) == Set(model.store.parameters.keys))
    expectParameterGradients(model.store, gradients) { run($0).0 }
}

@Test func pointNetGradientsMatchFiniteDifferences() {
    var generator = SeededGenerator(seed: 4)
    let configuration = PointNet.Configuration(classes: 3, widths: [4, 6], hidden: [5, 4], dropout: 0)
    let model = PointNet(configuration, generator: &generator)
    let points = randomTensor([3 * 5, 3], seed: 52)
    let labels: [Int32] = [0, 2, 1]
    func run(_ store: ParameterStore) -> (Double, Gradients) {
        var m = PointNet(configuration, store: store)
        var g = SeededGenerator(seed: 0)
        let (logits, tape) = m.forward(points, batch: 3, nodes: 5, training: true, generator: &g, threads: .single)
        let (loss, dLogits) = CrossEntropy.lossAndGradient(logits: logits, labels: labels)
        return (Double(loss), m.backward(dLogits, tape: tape, threads: .single))
    }
    let (_, gradients) = run(model.store)
    expectParameterGradients(model.store, gradients) { run($0).0 }
}
