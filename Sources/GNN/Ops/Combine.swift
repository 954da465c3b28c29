import Tensor

/// What `Combine.backward` needs from the forward pass.
public struct CombineCache: Sendable {
    /// The input x [R, inWidth].
    public var input: Tensor
    /// BatchNorm's cache.
    public var norm: BatchNormCache
    /// The output y [R, outWidth] (after the activation).
    public var output: Tensor
    /// The width of the output (the weight block's column count).
    public var outWidth: Int
}

/// The design space's combine op: per-node Linear (no bias) → BatchNorm → LeakyReLU(0.2).
///
/// The linear map uses the top-left [inWidth, outWidth] block of `weight` (see `Linear`), where inWidth is
/// the input's width; the BatchNorm tensors have exactly `outWidth` entries (one set per width).
public enum Combine {
    /// Runs the op on `x` [R, C]; returns [R, outWidth] and the cache for `backward`. `momentum` is
    /// BatchNorm's (see `BatchNorm.forward`); the product runs on up to `threads.threads` threads.
    public static func forward(
        _ x: Tensor, weight: Tensor, outWidth: Int, gamma: Tensor, beta: Tensor,
        runningMean: inout Tensor, runningVariance: inout Tensor, training: Bool,
        momentum: Float = BatchNorm.momentum, threads: ThreadBudget
    ) -> (Tensor, CombineCache) {
        let z = Linear.forward(x, weight: weight, inWidth: x.shape[1], outWidth: outWidth, threads: threads)
        var (y, norm) = BatchNorm.forward(
            z, gamma: gamma, beta: beta, runningMean: &runningMean, runningVariance: &runningVariance,
            training: training, momentum: momentum)
        LeakyReLU.apply(&y)
        return (y, CombineCache(input: x, norm: norm, output: y, outWidth: outWidth))
    }

    /// Accumulates the weight-block, γ and β gradients and returns dx [R, inWidth] (empty when
    /// `needInputGradient` is false).
    public static func backward(
        _ dy: Tensor, cache: CombineCache, weight: Tensor, gamma: Tensor,
        weightGrad: inout Tensor, gammaGrad: inout Tensor, betaGrad: inout Tensor, needInputGradient: Bool = true,
        threads: ThreadBudget
    ) -> Tensor {
        var d = dy
        LeakyReLU.backward(&d, output: cache.output)
        let dz = BatchNorm.backward(d, cache: cache.norm, gamma: gamma, gammaGrad: &gammaGrad, betaGrad: &betaGrad)
        return Linear.backward(
            dz, input: cache.input, weight: weight, inWidth: cache.input.shape[1], outWidth: cache.outWidth,
            weightGrad: &weightGrad, needInputGradient: needInputGradient, threads: threads)
    }
}
