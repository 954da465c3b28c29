import Tensor

/// Stochastic gradient descent with momentum and L2 weight decay (PyTorch's `SGD`):
/// v ← μ·v + (g + λ·w), w ← w − η·v.
public struct SGD: Optimizer {
    /// Momentum μ.
    public var momentum: Float
    /// Weight decay λ (L2 penalty added to the gradient).
    public var weightDecay: Float
    private var velocity: [String: Tensor] = [:]

    /// An optimiser with the given momentum and weight decay (DGCNN: 0.9 and 1e-4).
    public init(momentum: Float = 0.9, weightDecay: Float = 1e-4) {
        self.momentum = momentum
        self.weightDecay = weightDecay
    }

    /// One update.
    public mutating func step(_ store: inout ParameterStore, gradients: Gradients, learningRate: Float) {
        for (name, gradient) in gradients.values {
            guard var w = store.parameters.removeValue(forKey: name) else { continue }
            var v = velocity.removeValue(forKey: name) ?? Tensor.zeros(w.shape)
            let mu = momentum
            let decay = weightDecay
            w.withUnsafeMutableBufferPointer { wp in
                v.withUnsafeMutableBufferPointer { vp in
                    gradient.withUnsafeBufferPointer { gp in
                        for i in wp.indices {
                            vp[i] = mu * vp[i] + gp[i] + decay * wp[i]
                            wp[i] -= learningRate * vp[i]
                        }
                    }
                }
            }
            store.parameters[name] = w
            velocity[name] = v
        }
    }
}
