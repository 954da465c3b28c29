import GNN
import HDF5
import Tensor

extension Supernet {
    /// A copy of the supernet whose BatchNorm running statistics on `architecture`'s path are recalibrated:
    /// the path runs in training mode (batch statistics, no dropout, no augmentation, weights unchanged) over
    /// `options.calibrationBatches` batches of `data`, and each running mean / variance becomes the average
    /// of the batch means / unbiased variances (PyTorch's cumulative recalibration). The batches are the
    /// same for every architecture (a fixed shuffle seeded by `options.training.seed`), so scores compare fairly.
    /// Kernels run on up to `threads.threads` threads.
    public func recalibrated(
        for architecture: Architecture, on data: PointCloudSet, threads: ThreadBudget
    ) throws -> Supernet {
        try architecture.validate(in: space)
        let batchSize = max(options.training.batchSize, 2)
        try check(data, role: "calibration", minimum: batchSize)
        var order = Array(0..<data.count)
        var shuffle = SeededGenerator(seed: options.training.seed ^ 0xCA11_B2A7)
        order.shuffle(using: &shuffle)
        let batches = min(max(options.calibrationBatches, 1), data.count / batchSize)
        var statistics: BatchStatistics? = BatchStatistics()
        var copy = self
        var unused = SeededGenerator(seed: 0)
        let path = program(architecture)
        for b in 0..<batches {
            let chosen = Array(order[(b * batchSize)..<((b + 1) * batchSize)])
            let (points, _) = Batching.gather(data, indices: chosen)
            _ = path.forward(
                points, batch: chosen.count, nodes: data.pointsPerCloud, store: &copy.store, training: true,
                statistics: &statistics, generator: &unused, threads: threads)
        }
        statistics?.apply(to: &copy.store)
        return copy
    }

    /// A standalone model of `architecture` with the supernet's weights copied out (the top-left blocks of
    /// the shared matrices, the BatchNorm of each chosen width, the head's top rows); with `calibration` the
    /// BatchNorm statistics are recalibrated on it first (see `recalibrated`) on up to `threads.threads` threads.
    public func extract(
        _ architecture: Architecture, calibration: PointCloudSet? = nil, threads: ThreadBudget
    ) throws -> ArchitectureModel {
        let source = try calibration.map { try recalibrated(for: architecture, on: $0, threads: threads) } ?? self
        let mapping = try architecture.mapping(in: space)
        var store = ParameterStore()
        for step in mapping.steps {
            if case .pool(let kind) = step.operation {
                let from = PathNaming.supernet.poolNorm(step.position, kind: kind, inputWidth: step.inputWidth)
                let to = PathNaming.standalone.poolNorm(step.position, kind: kind, inputWidth: step.inputWidth)
                store.parameters[to.gamma] = source.store.parameter(from.gamma)
                store.parameters[to.beta] = source.store.parameter(from.beta)
                store.buffers[to.runningMean] = source.store.buffers[from.runningMean]
                store.buffers[to.runningVariance] = source.store.buffers[from.runningVariance]
            }
            guard case .combine(let width) = step.operation else { continue }
            let p = step.position
            store.parameters[PathNaming.standalone.combineWeight(p)] = Supernet.block(
                source.store.parameter(PathNaming.supernet.combineWeight(p)), rows: step.inputWidth, columns: width)
            let from = PathNaming.supernet.combineNorm(p, width: width)
            let to = PathNaming.standalone.combineNorm(p, width: width)
            store.parameters[to.gamma] = source.store.parameter(from.gamma)
            store.parameters[to.beta] = source.store.parameter(from.beta)
            store.buffers[to.runningMean] = source.store.buffers[from.runningMean]
            store.buffers[to.runningVariance] = source.store.buffers[from.runningVariance]
        }
        let head = Supernet.head(space: space, rows: layout.headRows, dropout: options.dropout)
        for (index, layer) in head.hiddenLayers.enumerated() {
            let weight = source.store.parameter(layer.weightName)
            store.parameters[layer.weightName] =
                index == 0 ? Supernet.block(weight, rows: mapping.head.widths[0], columns: layer.outWidth) : weight
            for name in [layer.norm.gamma, layer.norm.beta] { store.parameters[name] = source.store.parameter(name) }
            for name in [layer.norm.runningMean, layer.norm.runningVariance] {
                store.buffers[name] = source.store.buffers[name]
            }
        }
        store.parameters[head.outputWeight] = source.store.parameter(head.outputWeight)
        store.parameters[head.outputBias] = source.store.parameter(head.outputBias)
        return ArchitectureModel(architecture: architecture, space: space, dropout: options.dropout, store: store)
    }

    /// The top-left [rows, columns] block of a matrix, copied.
    static func block(_ matrix: Tensor, rows: Int, columns: Int) -> Tensor {
        precondition(matrix.rank == 2 && matrix.shape[0] >= rows && matrix.shape[1] >= columns, "block too large")
        let stride = matrix.shape[1]
        var out = Tensor.zeros([rows, columns])
        matrix.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                for r in 0..<rows { for c in 0..<columns { target[r * columns + c] = source[r * stride + c] } }
            }
        }
        return out
    }

    /// The accuracy of `architecture` with inherited weights: BatchNorm recalibrated on `calibration`
    /// (fine-tuned on it for `options.fineTuneSteps` steps when that is not 0), then evaluated on
    /// `validation` (no augmentation, no dropout). Results are cached by architecture until the
    /// weights change (training clears the cache). Kernels run on up to `threads.threads` threads.
    public mutating func evaluate(
        _ architecture: Architecture, on validation: PointCloudSet, calibration: PointCloudSet, threads: ThreadBudget,
        progress: Progress = .silent, cancellation: Cancellation = .never
    ) throws -> ArchitectureScore {
        if let cached = scores[architecture] { return cached }
        try check(validation, role: "validation", minimum: 1)
        var model = try extract(architecture, calibration: calibration, threads: threads)
        if options.fineTuneSteps > 0 {
            model.fineTune(
                on: calibration, steps: options.fineTuneSteps, batchSize: max(options.training.batchSize, 2),
                learningRate: options.training.optimizer.learningRate, seed: options.training.seed, threads: threads)
        }
        let result = try Training.evaluate(
            model, on: validation, batchSize: max(options.training.batchSize, 2), threads: threads, progress: progress,
            cancellation: cancellation)
        let score = ArchitectureScore(
            accuracy: result.overallAccuracy, meanClassAccuracy: result.meanClassAccuracy, loss: result.loss)
        scores[architecture] = score
        return score
    }
}
