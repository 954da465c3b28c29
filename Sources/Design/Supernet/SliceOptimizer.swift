import Foundation
import GNN
import Tensor

/// SGD with momentum or Adam that updates only the block of each parameter a path used.
///
/// Single-path training touches a [C, w] block of a shared matrix; updating the rest with zero gradients
/// would let momentum and weight decay drift weights that took no part in the step. So a parameter with a
/// `SliceRegion` is updated in its top-left block only, and each parameter counts its own Adam steps. The
/// update rules are GNN's (PyTorch's): SGD v ← μ·v + g + λ·w, w ← w − η·v; Adam with L2 weight decay and
/// bias correction. Its whole state is public so that a checkpoint can save and restore it.
public struct SliceOptimizer: Sendable, Equatable {
    /// The rule and its hyper-parameters.
    public var choice: OptimizerChoice
    /// SGD velocity or Adam first moment, per parameter (full shape).
    public var first: [String: Tensor] = [:]
    /// Adam second moment, per parameter (full shape; unused by SGD).
    public var second: [String: Tensor] = [:]
    /// Updates applied to each parameter so far (Adam's bias correction).
    public var steps: [String: Int] = [:]

    /// An optimiser with empty state.
    public init(_ choice: OptimizerChoice) { self.choice = choice }

    /// Applies one update with `learningRate` to every parameter in `gradients`, inside its region.
    public mutating func step(
        _ store: inout ParameterStore, gradients: Gradients, regions: [String: SliceRegion], learningRate: Float
    ) {
        for name in gradients.values.keys.sorted() {
            guard let gradient = gradients.values[name], var w = store.parameters.removeValue(forKey: name) else {
                continue
            }
            let columns = w.rank == 2 ? w.shape[1] : w.count
            let region = regions[name] ?? SliceRegion(rows: w.rank == 2 ? w.shape[0] : 1, columns: columns)
            var m = first.removeValue(forKey: name) ?? Tensor.zeros(w.shape)
            let count = (steps[name] ?? 0) + 1
            steps[name] = count
            switch choice {
            case .sgd(_, let momentum, let decay):
                w.withUnsafeMutableBufferPointer { wp in
                    m.withUnsafeMutableBufferPointer { mp in
                        gradient.withUnsafeBufferPointer { gp in
                            for r in 0..<region.rows {
                                for c in 0..<region.columns {
                                    let i = r * columns + c
                                    mp[i] = momentum * mp[i] + gp[i] + decay * wp[i]
                                    wp[i] -= learningRate * mp[i]
                                }
                            }
                        }
                    }
                }
            case .adam(_, let decay):
                var v = second.removeValue(forKey: name) ?? Tensor.zeros(w.shape)
                let (b1, b2, eps): (Float, Float, Float) = (0.9, 0.999, 1e-8)
                let c1 = 1 - pow(Double(b1), Double(count))
                let c2 = 1 - pow(Double(b2), Double(count))
                let stepSize = learningRate * Float(c2.squareRoot() / c1)
                let epsHat = eps * Float(c2.squareRoot())
                w.withUnsafeMutableBufferPointer { wp in
                    m.withUnsafeMutableBufferPointer { mp in
                        v.withUnsafeMutableBufferPointer { vp in
                            gradient.withUnsafeBufferPointer { gp in
                                for r in 0..<region.rows {
                                    for c in 0..<region.columns {
                                        let i = r * columns + c
                                        let g = gp[i] + decay * wp[i]
                                        mp[i] = b1 * mp[i] + (1 - b1) * g
                                        vp[i] = b2 * vp[i] + (1 - b2) * g * g
                                        wp[i] -= stepSize * mp[i] / (vp[i].squareRoot() + epsHat)
                                    }
                                }
                            }
                        }
                    }
                }
                second[name] = v
            }
            first[name] = m
            store.parameters[name] = w
        }
    }
}
