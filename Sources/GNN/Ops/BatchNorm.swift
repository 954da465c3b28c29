import Tensor

/// What BatchNorm's backward pass needs from its forward pass.
public struct BatchNormCache: Sendable {
    /// The normalised input x̂ [R, C].
    public var normalized: Tensor
    /// 1 / sqrt(var + ε) per channel (batch variance in training, running variance in evaluation).
    public var inverseStd: [Float]
    /// Whether the forward pass used batch statistics.
    public var training: Bool
}

/// Batch normalisation over the rows of [R, C] (PyTorch's BatchNorm1d/2d semantics: biased batch variance
/// for normalising, unbiased for the running variance, momentum 0.1, ε = 1e-5).
public enum BatchNorm {
    /// The ε added to the variance.
    public static let epsilon: Float = 1e-5
    /// The weight of the current batch in the running statistics.
    public static let momentum: Float = 0.1

    /// `γ·(x − μ)/σ + β` per channel. In training, μ and σ² are the batch's and the running statistics move
    /// towards them by `momentum` (pass 1/(t+1) for the t-th batch, t from 0, to get the cumulative average
    /// when recalibrating statistics); in evaluation the running statistics are used and left alone.
    public static func forward(
        _ x: Tensor, gamma: Tensor, beta: Tensor, runningMean: inout Tensor, runningVariance: inout Tensor,
        training: Bool, momentum: Float = BatchNorm.momentum
    ) -> (Tensor, BatchNormCache) {
        precondition(x.rank == 2, "BatchNorm input must be [R, C]")
        let rows = x.shape[0]
        let width = x.shape[1]
        precondition(gamma.count == width && beta.count == width, "BatchNorm parameters must have \(width) entries")
        var mean = [Float](repeating: 0, count: width)
        var inverseStd = [Float](repeating: 0, count: width)
        if training {
            precondition(rows > 1, "BatchNorm in training needs more than one row")
            let (batchMean, batchVariance) = channelMoments(x)
            runningMean.withUnsafeMutableBufferPointer { rm in
                runningVariance.withUnsafeMutableBufferPointer { rv in
                    let unbias = Double(rows) / Double(rows - 1)
                    for c in 0..<width {
                        mean[c] = Float(batchMean[c])
                        inverseStd[c] = 1 / (Float(batchVariance[c]) + epsilon).squareRoot()
                        rm[c] = (1 - momentum) * rm[c] + momentum * mean[c]
                        rv[c] = (1 - momentum) * rv[c] + momentum * Float(batchVariance[c] * unbias)
                    }
                }
            }
        } else {
            for c in 0..<width {
                mean[c] = runningMean.scalars[c]
                inverseStd[c] = 1 / (runningVariance.scalars[c] + epsilon).squareRoot()
            }
        }
        var normalized = x
        var y = x
        normalized.withUnsafeMutableBufferPointer { np in
            y.withUnsafeMutableBufferPointer { yp in
                gamma.withUnsafeBufferPointer { g in
                    beta.withUnsafeBufferPointer { b in
                        for r in 0..<rows {
                            let base = r * width
                            for c in 0..<width {
                                let v = (np[base + c] - mean[c]) * inverseStd[c]
                                np[base + c] = v
                                yp[base + c] = g[c] * v + b[c]
                            }
                        }
                    }
                }
            }
        }
        return (y, BatchNormCache(normalized: normalized, inverseStd: inverseStd, training: training))
    }

    /// Accumulates dγ = Σ dy·x̂ and dβ = Σ dy and returns dx [R, C].
    public static func backward(
        _ dy: Tensor, cache: BatchNormCache, gamma: Tensor, gammaGrad: inout Tensor, betaGrad: inout Tensor
    ) -> Tensor {
        let rows = dy.shape[0]
        let width = dy.shape[1]
        var sumDy = [Double](repeating: 0, count: width)
        var sumDyX = [Double](repeating: 0, count: width)
        dy.withUnsafeBufferPointer { dp in
            cache.normalized.withUnsafeBufferPointer { np in
                var rowDy = [Float](repeating: 0, count: width)
                var rowDyX = [Float](repeating: 0, count: width)
                var pending = 0
                for r in 0..<rows {
                    let base = r * width
                    for c in 0..<width {
                        rowDy[c] += dp[base + c]
                        rowDyX[c] += dp[base + c] * np[base + c]
                    }
                    pending += 1
                    if pending == 64 || r == rows - 1 {
                        for c in 0..<width {
                            sumDy[c] += Double(rowDy[c])
                            sumDyX[c] += Double(rowDyX[c])
                            rowDy[c] = 0
                            rowDyX[c] = 0
                        }
                        pending = 0
                    }
                }
            }
        }
        gammaGrad.withUnsafeMutableBufferPointer { gg in
            betaGrad.withUnsafeMutableBufferPointer { bg in
                for c in 0..<width {
                    gg[c] += Float(sumDyX[c])
                    bg[c] += Float(sumDy[c])
                }
            }
        }
        var dx = dy
        let count = Double(rows)
        let meanDy = sumDy.map { Float($0 / count) }
        let meanDyX = sumDyX.map { Float($0 / count) }
        dx.withUnsafeMutableBufferPointer { xp in
            cache.normalized.withUnsafeBufferPointer { np in
                gamma.withUnsafeBufferPointer { g in
                    var scale = [Float](repeating: 0, count: width)
                    for c in 0..<width { scale[c] = g[c] * cache.inverseStd[c] }
                    for r in 0..<rows {
                        let base = r * width
                        if cache.training {
                            for c in 0..<width {
                                xp[base + c] = scale[c] * (xp[base + c] - meanDy[c] - np[base + c] * meanDyX[c])
                            }
                        } else {
                            for c in 0..<width { xp[base + c] *= scale[c] }
                        }
                    }
                }
            }
        }
        return dx
    }

    /// Per-channel mean and biased variance of [R, C], accumulated in Float64 (two passes).
    static func channelMoments(_ x: Tensor) -> (mean: [Double], variance: [Double]) {
        let rows = x.shape[0]
        let width = x.shape[1]
        var sum = [Double](repeating: 0, count: width)
        var squares = [Double](repeating: 0, count: width)
        x.withUnsafeBufferPointer { xp in
            for r in 0..<rows { for c in 0..<width { sum[c] += Double(xp[r * width + c]) } }
            for c in 0..<width { sum[c] /= Double(rows) }
            var partial = [Float](repeating: 0, count: width)
            let mean = sum.map { Float($0) }
            for r in 0..<rows {
                for c in 0..<width {
                    let d = xp[r * width + c] - mean[c]
                    partial[c] += d * d
                }
                if r % 64 == 63 || r == rows - 1 {
                    for c in 0..<width {
                        squares[c] += Double(partial[c])
                        partial[c] = 0
                    }
                }
            }
        }
        return (sum, squares.map { $0 / Double(rows) })
    }
}
