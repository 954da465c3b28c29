import GNN
import Tensor

/// What the backward pass of one architecture's path needs from its forward pass.
public struct PathTape: Sendable {
    /// One entry per position.
    var steps: [StepTape]
    /// The head's cache.
    var head: HeadCache
    /// The number of clouds B.
    var batch: Int
    /// The pooled width handed to the head.
    var pooledWidth: Int
}

/// What one position recorded in the forward pass.
enum StepTape: Sendable {
    /// Identity, communicate and knn: the gradient passes through unchanged.
    case passThrough
    /// An aggregate with its input and graph.
    case aggregate(input: Tensor, graph: NeighbourGraph, message: MessageType, reducer: Reducer, cache: AggregateCache)
    /// A combine at `position` to `width`.
    case combine(position: Int, width: Int, cache: CombineCache)
    /// The pool at `position` of `nodes` nodes of width `width`, then its BatchNorm.
    case pool(position: Int, kind: PoolKind, nodes: Int, width: Int, cache: PoolCache, norm: BatchNormCache)
}

/// The top-left [rows, columns] block of a matrix parameter that a path used (the rest got no gradient).
public struct SliceRegion: Sendable, Hashable {
    /// Rows used.
    public var rows: Int
    /// Columns used.
    public var columns: Int
}

/// Running sums of per-channel batch statistics for BatchNorm recalibration (PyTorch's cumulative average:
/// the mean of the batch means and of the unbiased batch variances).
struct BatchStatistics: Sendable {
    /// Per running-mean buffer name: summed batch means, summed unbiased variances, number of batches.
    var sums: [String: (mean: [Double], variance: [Double], batches: Int)] = [:]

    /// Adds the statistics of `z` [R, C] for the BatchNorm `norm`.
    mutating func add(_ z: Tensor, for norm: BatchNormNames) {
        let rows = z.shape[0]
        let width = z.shape[1]
        var mean = [Double](repeating: 0, count: width)
        var variance = [Double](repeating: 0, count: width)
        z.withUnsafeBufferPointer { zp in
            for r in 0..<rows { for c in 0..<width { mean[c] += Double(zp[r * width + c]) } }
            for c in 0..<width { mean[c] /= Double(max(rows, 1)) }
            for r in 0..<rows {
                for c in 0..<width {
                    let d = Double(zp[r * width + c]) - mean[c]
                    variance[c] += d * d
                }
            }
        }
        for c in 0..<width { variance[c] /= Double(max(rows - 1, 1)) }
        var entry =
            sums[norm.runningMean] ?? ([Double](repeating: 0, count: width), [Double](repeating: 0, count: width), 0)
        for c in 0..<width {
            entry.mean[c] += mean[c]
            entry.variance[c] += variance[c]
        }
        entry.batches += 1
        sums[norm.runningMean] = entry
        names[norm.runningMean] = norm
    }

    /// The BatchNorms seen, by running-mean name.
    var names: [String: BatchNormNames] = [:]

    /// Writes the averaged statistics into the running buffers of `store`.
    func apply(to store: inout ParameterStore) {
        for (key, entry) in sums {
            guard let norm = names[key], entry.batches > 0 else { continue }
            let n = Double(entry.batches)
            store.buffers[norm.runningMean] = Tensor(
                shape: [entry.mean.count], scalars: entry.mean.map { Float($0 / n) })
            store.buffers[norm.runningVariance] = Tensor(
                shape: [entry.variance.count], scalars: entry.variance.map { Float($0 / n) })
        }
    }
}
