import Tensor

/// A per-row linear map `y = x · W[0..<in, 0..<out] (+ b)` on a block of a possibly larger weight matrix.
///
/// The weight is a [inMax, outMax] matrix; the layer uses its top-left `inWidth × outWidth` block, so a
/// supernet can share one max-size matrix between every width (weight entanglement). Gradients accumulate
/// (`+=`) into the same block of a gradient tensor of the full shape.
public enum Linear {
    /// `x` [R, inWidth] times the top-left block of `weight` [inMax, outMax], plus the first `outWidth`
    /// entries of `bias` when given. Returns [R, outWidth]. The product runs on up to `threads.threads` threads.
    public static func forward(
        _ x: Tensor, weight: Tensor, bias: Tensor? = nil, inWidth: Int, outWidth: Int, threads: ThreadBudget
    ) -> Tensor {
        precondition(x.rank == 2 && x.shape[1] == inWidth, "Linear input \(x.shape) is not [R, \(inWidth)]")
        precondition(weight.rank == 2 && weight.shape[0] >= inWidth && weight.shape[1] >= outWidth, "weight too small")
        let rows = x.shape[0]
        var y = Tensor.zeros([rows, outWidth])
        if let bias {
            precondition(bias.count >= outWidth, "bias too small")
            y.withUnsafeMutableBufferPointer { yp in
                bias.withUnsafeBufferPointer { bp in
                    for r in 0..<rows { for c in 0..<outWidth { yp[r * outWidth + c] = bp[c] } }
                }
            }
        }
        gemm(
            x, weight, into: &y, beta: bias == nil ? 0 : 1, bBlock: MatrixBlock(rows: inWidth, columns: outWidth),
            threads: threads)
        return y
    }

    /// Accumulates `xᵀ·dy` into the top-left block of `weightGrad`; returns `dy · Wᵀ` [R, inWidth] unless
    /// `needInputGradient` is false (then an empty tensor). The bias gradient is `biasGradient(_:into:)`.
    public static func backward(
        _ dy: Tensor, input x: Tensor, weight: Tensor, inWidth: Int, outWidth: Int,
        weightGrad: inout Tensor, needInputGradient: Bool = true, threads: ThreadBudget
    ) -> Tensor {
        precondition(dy.rank == 2 && dy.shape[1] == outWidth && x.shape == [dy.shape[0], inWidth], "shape mismatch")
        precondition(weightGrad.shape == weight.shape, "weight gradient must have the weight's shape")
        let block = MatrixBlock(rows: inWidth, columns: outWidth)
        gemm(x, dy, into: &weightGrad, beta: 1, transposeA: true, cBlock: block, threads: threads)
        guard needInputGradient else { return Tensor.zeros([0]) }
        var dx = Tensor.zeros([dy.shape[0], inWidth])
        gemm(dy, weight, into: &dx, transposeB: true, bBlock: block, threads: threads)
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
