import Tensor

/// Inverted dropout: in training each element is zeroed with probability `rate` and the rest are scaled by
/// 1 / (1 − rate), so evaluation is the identity.
public enum Dropout {
    /// Applies dropout in place and returns the mask (0 or 1/(1 − rate) per element) for the backward pass.
    public static func forward(_ x: inout Tensor, rate: Float, generator: inout SeededGenerator) -> [Float] {
        precondition(rate >= 0 && rate < 1, "dropout rate must be in [0, 1)")
        let keep = 1 / (1 - rate)
        var mask = [Float](repeating: 0, count: x.count)
        x.withUnsafeMutableBufferPointer { p in
            for i in p.indices {
                mask[i] = generator.nextUniform() < rate ? 0 : keep
                p[i] *= mask[i]
            }
        }
        return mask
    }

    /// Multiplies the gradient by the mask in place.
    public static func backward(_ dy: inout Tensor, mask: [Float]) {
        precondition(mask.count == dy.count, "dropout mask does not match the gradient")
        dy.withUnsafeMutableBufferPointer { p in for i in p.indices { p[i] *= mask[i] } }
    }
}
