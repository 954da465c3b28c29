import Tensor

/// A per-row linear map `y = x · W[0..<in, 0..<out] (+ b)` on a block of a possibly larger weight matrix.
///
/// The weight is a [inMax, outMax] matrix; the layer uses its top-left `inWidth × outWidth` block, so a
/// supernet can share one max-size matrix between every width (weight entanglement). Gradients accumulate
/// (`+=`) into the same block of a gradient tensor of the full shape.
public enum Linear {
    /// `x` [R, inWidth] times the top-left block of `weight` [inMax, outMax], plus the first `outWidth`
    /// entries of `bias` when given. Returns [R, outWidth].
    public static func forward(_ x: Tensor, weight: Tensor, bias: Tensor? = nil, inWidth: Int, outWidth: Int) -> Tensor
    {
        precondition(x.rank == 2 && x.shape[1] == inWidth, "Linear input \(x.shape) is not [R, \(inWidth)]")
        precondition(weight.rank == 2 && weight.shape[0] >= inWidth && weight.shape[1] >= outWidth, "weight too small")
        let rows = x.shape[0]
        let ldw = weight.shape[1]
        var y = Tensor.zeros([rows, outWidth])
        x.withUnsafeBufferPointer { xp in
            weight.withUnsafeBufferPointer { wp in
                y.withUnsafeMutableBufferPointer { yp in
                    guard let ya = yp.baseAddress, let xa = xp.baseAddress, let wa = wp.baseAddress else { return }
                    if let bias {
                        precondition(bias.count >= outWidth, "bias too small")
                        bias.withUnsafeBufferPointer { bp in
                            for r in 0..<rows { for c in 0..<outWidth { ya[r * outWidth + c] = bp[c] } }
                        }
                    }
                    Matmul.gemm(
                        transA: false, transB: false, m: rows, n: outWidth, k: inWidth, a: xa, lda: inWidth,
                        b: wa, ldb: ldw, beta: bias == nil ? 0 : 1, c: ya, ldc: outWidth)
                }
            }
        }
        return y
    }

    /// Accumulates `xᵀ·dy` into the top-left block of `weightGrad`; returns `dy · Wᵀ` [R, inWidth] unless
    /// `needInputGradient` is false (then an empty tensor). The bias gradient is `biasGradient(_:into:)`.
    public static func backward(
        _ dy: Tensor, input x: Tensor, weight: Tensor, inWidth: Int, outWidth: Int,
        weightGrad: inout Tensor, needInputGradient: Bool = true
    ) -> Tensor {
        precondition(dy.rank == 2 && dy.shape[1] == outWidth && x.shape == [dy.shape[0], inWidth], "shape mismatch")
        precondition(weightGrad.shape == weight.shape, "weight gradient must have the weight's shape")
        let rows = dy.shape[0]
        let ldw = weight.shape[1]
        dy.withUnsafeBufferPointer { dp in
            x.withUnsafeBufferPointer { xp in
                weightGrad.withUnsafeMutableBufferPointer { gp in
                    guard let da = dp.baseAddress, let xa = xp.baseAddress, let ga = gp.baseAddress else { return }
                    Matmul.gemm(
                        transA: true, transB: false, m: inWidth, n: outWidth, k: rows, a: xa, lda: inWidth,
                        b: da, ldb: outWidth, beta: 1, c: ga, ldc: ldw)
                }
            }
        }
        guard needInputGradient else { return Tensor.zeros([0]) }
        var dx = Tensor.zeros([rows, inWidth])
        dy.withUnsafeBufferPointer { dp in
            weight.withUnsafeBufferPointer { wp in
                dx.withUnsafeMutableBufferPointer { xp in
                    guard let da = dp.baseAddress, let wa = wp.baseAddress, let xa = xp.baseAddress else { return }
                    Matmul.gemm(
                        transA: false, transB: true, m: rows, n: inWidth, k: outWidth, a: da, lda: outWidth,
                        b: wa, ldb: ldw, beta: 0, c: xa, ldc: inWidth)
                }
            }
        }
        return dx
    }

    /// Accumulates the column sums of `dy` [R, W] into the first W entries of `biasGrad`.
    public static func biasGradient(_ dy: Tensor, into biasGrad: inout Tensor) {
        let rows = dy.shape[0]
        let width = dy.shape[1]
        precondition(biasGrad.count >= width, "bias gradient too small")
        dy.withUnsafeBufferPointer { dp in
            biasGrad.withUnsafeMutableBufferPointer { gp in
                for r in 0..<rows { for c in 0..<width { gp[c] += dp[r * width + c] } }
            }
        }
    }
}
