import GNN
import Tensor

/// A typical design-space path built from the GNN ops:
/// `knn | agg(edgeconv,max) | combine(64) | knn | agg(rel,max) | combine(128) | combine(256) | pool(max‖mean)`
/// followed by the head.
struct PathModel: PointCloudClassifier {
    struct Tape {
        var graphs: [NeighbourGraph]
        var inputs: [Tensor]
        var aggregates: [AggregateCache]
        var combines: [CombineCache]
        var pool: PoolCache
        var head: HeadCache
        var batch: Int
        var nodes: Int
    }

    let k: Int
    let classes: Int
    var store = ParameterStore()
    let layers = [
        CombineLayer(name: "pos2/combine", inWidth: 6, outWidth: 64),
        CombineLayer(name: "pos5/combine", inWidth: 64, outWidth: 128),
        CombineLayer(name: "pos6/combine", inWidth: 128, outWidth: 256),
    ]
    var head: ClassifierHead { ClassifierHead(maxInWidth: 512, classes: classes) }

    init(k: Int, classes: Int, generator: inout SeededGenerator) {
        self.k = k
        self.classes = classes
        for layer in layers { layer.initialize(&store, generator: &generator) }
        head.initialize(&store, generator: &generator)
    }

    mutating func forward(
        _ points: Tensor, batch: Int, nodes: Int, training: Bool, generator: inout SeededGenerator,
        threads: ThreadBudget
    ) -> (Tensor, Tape) {
        let x0 = points.reshaped([batch * nodes, 3])
        let g1 = KNN.graph(x0, batch: batch, nodes: nodes, k: k, threads: threads)
        let (a1, ac1) = Aggregate.forward(x0, graph: g1, message: .edgeConv, reducer: .max, threads: threads)
        let (c1, cc1) = layers[0].forward(a1, store: &store, training: training, threads: threads)
        let g2 = KNN.graph(c1, batch: batch, nodes: nodes, k: k, threads: threads)
        let (a2, ac2) = Aggregate.forward(c1, graph: g2, message: .relative, reducer: .max, threads: threads)
        let (c2, cc2) = layers[1].forward(a2, store: &store, training: training, threads: threads)
        let (c3, cc3) = layers[2].forward(c2, store: &store, training: training, threads: threads)
        let (pooled, pc) = Pool.forward(c3, batch: batch, nodes: nodes, kind: .maxMean)
        let (logits, hc) = head.forward(
            pooled, store: &store, training: training, generator: &generator, threads: threads)
        let tape = Tape(
            graphs: [g1, g2], inputs: [x0, c1], aggregates: [ac1, ac2], combines: [cc1, cc2, cc3], pool: pc,
            head: hc, batch: batch, nodes: nodes)
        return (logits, tape)
    }

    func backward(_ dLogits: Tensor, tape: Tape, threads: ThreadBudget) -> Gradients {
        var gradients = store.zeroGradients()
        let dPooled = head.backward(dLogits, cache: tape.head, store: store, gradients: &gradients, threads: threads)
        let d3 = Pool.backward(
            dPooled, batch: tape.batch, nodes: tape.nodes, width: 256, kind: .maxMean, cache: tape.pool)
        let d2 = layers[2].backward(d3, cache: tape.combines[2], store: store, gradients: &gradients, threads: threads)
        let da2 = layers[1].backward(d2, cache: tape.combines[1], store: store, gradients: &gradients, threads: threads)
        let dc1 = Aggregate.backward(
            da2, input: tape.inputs[1], graph: tape.graphs[1], message: .relative, reducer: .max,
            cache: tape.aggregates[1], threads: threads)
        _ = layers[0].backward(
            dc1, cache: tape.combines[0], store: store, gradients: &gradients, needInputGradient: false,
            threads: threads)
        return gradients
    }
}
