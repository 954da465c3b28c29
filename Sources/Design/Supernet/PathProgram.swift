import GNN
import Tensor

/// One architecture bound to tensor names: runs its path forward and backward on a `ParameterStore`.
///
/// The same code serves the supernet (shared, sliced weights) and a standalone model (exact-size weights):
/// a combine from C to w uses the top-left [C, w] block of its position's matrix, which is the whole matrix
/// in a standalone model. Knn, identity and communicate pass the gradient through; the neighbour choice is
/// not differentiated.
struct PathProgram: Sendable {
    /// The operations, first to last.
    var operations: [Operation]
    /// Neighbours per node.
    var k: Int
    /// The classifier head (its fc1 may have more rows than the pooled width).
    var head: ClassifierHead
    /// How tensors are named.
    var naming: PathNaming

    /// Logits [B, classes] for `points` [B·N, 3]. In training BatchNorm uses batch statistics (updating
    /// the running ones) and dropout draws from `generator`. With `statistics`, BatchNorm uses batch
    /// statistics, leaves the running ones alone, and the batch statistics are accumulated instead (for
    /// recalibration); no dropout then. Kernels run on up to `threads.threads` threads.
    func forward(
        _ points: Tensor, batch: Int, nodes: Int, store: inout ParameterStore, training: Bool,
        statistics: inout BatchStatistics?, generator: inout SeededGenerator, threads: ThreadBudget
    ) -> (Tensor, PathTape?) {
        var x = points.reshaped([batch * nodes, points.count / max(batch * nodes, 1)])
        var rows = nodes
        var graph: NeighbourGraph?
        var steps: [StepTape] = []
        for (position, op) in operations.enumerated() {
            switch op {
            case .identity, .communicate:
                steps.append(.passThrough)
            case .knn:
                graph = KNN.graph(x, batch: batch, nodes: rows, k: k, threads: threads)
                steps.append(.passThrough)
            case .aggregate(let message, let reducer):
                guard let graph else { preconditionFailure("aggregate at position \(position) without a graph") }
                let (y, cache) = Aggregate.forward(
                    x, graph: graph, message: message, reducer: reducer, threads: threads)
                steps.append(.aggregate(input: x, graph: graph, message: message, reducer: reducer, cache: cache))
                x = y
            case .combine(let width):
                let (y, cache) = combine(
                    x, weight: naming.combineWeight(position), norm: naming.combineNorm(position, width: width),
                    outWidth: width, store: &store, training: training, statistics: &statistics, threads: threads)
                if let cache { steps.append(.combine(position: position, width: width, cache: cache)) }
                x = y
            case .pool(let kind):
                let width = x.shape[1]
                let (pooled, cache) = Pool.forward(x, batch: batch, nodes: rows, kind: kind)
                let (y, normCache) = normalize(
                    pooled, norm: naming.poolNorm(position, kind: kind, inputWidth: width), store: &store,
                    training: training, statistics: &statistics)
                if let normCache {
                    steps.append(
                        .pool(position: position, kind: kind, nodes: rows, width: width, cache: cache, norm: normCache))
                }
                x = y
                rows = 1
                graph = nil
            }
        }
        let pooledWidth = x.shape[1]
        if statistics != nil {
            for layer in head.hiddenLayers {
                x =
                    combine(
                        x, weight: layer.weightName, norm: layer.norm, outWidth: layer.outWidth, store: &store,
                        training: true, statistics: &statistics, threads: threads
                    ).0
            }
            let last = head.hidden[head.hidden.count - 1]
            let logits = Linear.forward(
                x, weight: store.parameter(head.outputWeight), bias: store.parameter(head.outputBias), inWidth: last,
                outWidth: head.classes, threads: threads)
            return (logits, nil)
        }
        let (logits, headCache) = head.forward(
            x, store: &store, training: training, generator: &generator, threads: threads)
        return (logits, PathTape(steps: steps, head: headCache, batch: batch, pooledWidth: pooledWidth))
    }

    /// BatchNorm (no activation) of a pooled vector; with `statistics` it normalises with batch statistics,
    /// records them and returns no cache.
    private func normalize(
        _ x: Tensor, norm: BatchNormNames, store: inout ParameterStore, training: Bool,
        statistics: inout BatchStatistics?
    ) -> (Tensor, BatchNormCache?) {
        let gamma = store.parameter(norm.gamma)
        let beta = store.parameter(norm.beta)
        if statistics != nil {
            statistics?.add(x, for: norm)
            var scratchMean = Tensor.zeros([x.shape[1]])
            var scratchVariance = Tensor(shape: [x.shape[1]], repeating: 1)
            let (y, _) = BatchNorm.forward(
                x, gamma: gamma, beta: beta, runningMean: &scratchMean, runningVariance: &scratchVariance,
                training: true)
            return (y, nil)
        }
        let (y, cache) = store.withBuffers(norm.runningMean, norm.runningVariance) { rm, rv in
            BatchNorm.forward(x, gamma: gamma, beta: beta, runningMean: &rm, runningVariance: &rv, training: training)
        }
        return (y, cache)
    }

    /// A combine; with `statistics` it normalises with batch statistics, records them and returns no cache.
    private func combine(
        _ x: Tensor, weight: String, norm: BatchNormNames, outWidth: Int, store: inout ParameterStore,
        training: Bool, statistics: inout BatchStatistics?, threads: ThreadBudget
    ) -> (Tensor, CombineCache?) {
        let w = store.parameter(weight)
        let gamma = store.parameter(norm.gamma)
        let beta = store.parameter(norm.beta)
        if statistics != nil {
            let z = Linear.forward(x, weight: w, inWidth: x.shape[1], outWidth: outWidth, threads: threads)
            statistics?.add(z, for: norm)
            var scratchMean = Tensor.zeros([outWidth])
            var scratchVariance = Tensor(shape: [outWidth], repeating: 1)
            var (y, _) = BatchNorm.forward(
                z, gamma: gamma, beta: beta, runningMean: &scratchMean, runningVariance: &scratchVariance,
                training: true)
            LeakyReLU.apply(&y)
            return (y, nil)
        }
        let (y, cache) = store.withBuffers(norm.runningMean, norm.runningVariance) { rm, rv in
            Combine.forward(
                x, weight: w, outWidth: outWidth, gamma: gamma, beta: beta, runningMean: &rm, runningVariance: &rv,
                training: training, threads: threads)
        }
        return (y, cache)
    }

    /// The gradients of every tensor the path used (zero outside the used block) for `dLogits` [B, classes],
    /// and the block each matrix parameter used (a parameter without an entry was used whole), on up to
    /// `threads.threads` threads.
    func backward(
        _ dLogits: Tensor, tape: PathTape, store: ParameterStore, threads: ThreadBudget
    ) -> (Gradients, [String: SliceRegion]) {
        var gradients = Gradients(values: [:])
        var regions: [String: SliceRegion] = [:]
        func allocate(_ name: String) {
            if gradients.values[name] == nil { gradients.values[name] = Tensor.zeros(store.parameter(name).shape) }
        }
        for layer in head.hiddenLayers {
            allocate(layer.weightName)
            allocate(layer.norm.gamma)
            allocate(layer.norm.beta)
        }
        allocate(head.outputWeight)
        allocate(head.outputBias)
        if let first = head.hiddenLayers.first {
            regions[first.weightName] = SliceRegion(rows: tape.pooledWidth, columns: first.outWidth)
        }
        var d = head.backward(dLogits, cache: tape.head, store: store, gradients: &gradients, threads: threads)
        let firstTrained = tape.steps.firstIndex {
            switch $0 {
            case .combine, .pool: return true
            case .passThrough, .aggregate: return false
            }
        }
        guard let firstTrained else { return (gradients, regions) }
        for index in stride(from: tape.steps.count - 1, through: firstTrained, by: -1) {
            switch tape.steps[index] {
            case .passThrough:
                continue
            case .aggregate(let input, let graph, let message, let reducer, let cache):
                d = Aggregate.backward(
                    d, input: input, graph: graph, message: message, reducer: reducer, cache: cache, threads: threads)
            case .pool(let position, let kind, let nodes, let width, let cache, let normCache):
                let norm = naming.poolNorm(position, kind: kind, inputWidth: width)
                allocate(norm.gamma)
                allocate(norm.beta)
                let gamma = store.parameter(norm.gamma)
                d = gradients.with(norm.gamma, norm.beta) { g, b in
                    BatchNorm.backward(d, cache: normCache, gamma: gamma, gammaGrad: &g, betaGrad: &b)
                }
                if index > firstTrained {
                    d = Pool.backward(d, batch: tape.batch, nodes: nodes, width: width, kind: kind, cache: cache)
                }
            case .combine(let position, let width, let cache):
                let weightName = naming.combineWeight(position)
                let norm = naming.combineNorm(position, width: width)
                allocate(weightName)
                allocate(norm.gamma)
                allocate(norm.beta)
                regions[weightName] = SliceRegion(rows: cache.input.shape[1], columns: width)
                let weight = store.parameter(weightName)
                let gamma = store.parameter(norm.gamma)
                let needInput = index > firstTrained
                d = gradients.with(weightName, norm.gamma, norm.beta) { w, g, b in
                    Combine.backward(
                        d, cache: cache, weight: weight, gamma: gamma, weightGrad: &w, gammaGrad: &g, betaGrad: &b,
                        needInputGradient: needInput, threads: threads)
                }
            }
        }
        return (gradients, regions)
    }
}
