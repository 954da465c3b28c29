import Foundation
import Tensor

/// Adam (Kingma & Ba) with bias correction; `weightDecay` adds λ·w to the gradient (PyTorch's `Adam`),
/// or, when `decoupled`, shrinks the weights directly (`AdamW`).
public struct Adam: Optimizer {
    /// First-moment decay β₁.
    public var beta1: Float
    /// Second-moment decay β₂.
    public var beta2: Float
    /// ε in the denominator.
    public var epsilon: Float
    /// Weight decay λ.
    public var weightDecay: Float
    /// Whether weight decay is decoupled from the gradient (AdamW).
    public var decoupled: Bool
    private var moments: [String: (Tensor, Tensor)] = [:]
    private var steps = 0

    /// An optimiser with PyTorch's defaults.
    public init(
        beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8, weightDecay: Float = 0,
        decoupled: Bool = false
    ) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.decoupled = decoupled
    }

    /// One update.
    public mutating func step(_ store: inout ParameterStore, gradients: Gradients, learningRate: Float) {
        steps += 1
        let c1 = 1 - pow(Double(beta1), Double(steps))
        let c2 = 1 - pow(Double(beta2), Double(steps))
        let stepSize = learningRate * Float(c2.squareRoot() / c1)
        let (b1, b2, eps, decay, isDecoupled) = (beta1, beta2, epsilon, weightDecay, decoupled)
        let epsHat = eps * Float(c2.squareRoot())
        for (name, gradient) in gradients.values {
            guard var w = store.parameters.removeValue(forKey: name) else { continue }
            var (m, v) = moments.removeValue(forKey: name) ?? (Tensor.zeros(w.shape), Tensor.zeros(w.shape))
            w.withUnsafeMutableBufferPointer { wp in
                m.withUnsafeMutableBufferPointer { mp in
                    v.withUnsafeMutableBufferPointer { vp in
                        gradient.withUnsafeBufferPointer { gp in
                            for i in wp.indices {
                                var g = gp[i]
                                if isDecoupled {
                                    wp[i] -= learningRate * decay * wp[i]
                                } else {
                                    g += decay * wp[i]
                                }
                                mp[i] = b1 * mp[i] + (1 - b1) * g
                                vp[i] = b2 * vp[i] + (1 - b2) * g * g
                                wp[i] -= stepSize * mp[i] / (vp[i].squareRoot() + epsHat)
                            }
                        }
                    }
                }
            }
            store.parameters[name] = w
            moments[name] = (m, v)
        }
    }
}
