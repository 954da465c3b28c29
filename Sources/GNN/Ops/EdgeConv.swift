import Tensor

/// What `EdgeConv.backward` needs from the forward pass.
public struct EdgeConvCache: Sendable {
    /// The input x [B·N, C].
    public var input: Tensor
    /// x·(W_a − W_b) [B·N, out]: the x_i part of every edge's pre-activation.
    public var selfPart: Tensor
    /// x·W_b [B·N, out]: the x_j part of every edge's pre-activation.
    public var neighbourPart: Tensor
    /// The neighbour row whose edge wins the max, per (node, channel), [B·N·out].
    public var selected: [Int32]
    /// Σ_j of the neighbour part per (node, channel), [B·N·out] (training only).
    public var neighbourSum: [Float]
    /// The BatchNorm mean per channel.
    public var mean: [Float]
    /// The BatchNorm 1/σ per channel.
    public var inverseStd: [Float]
    /// Whether batch statistics were used.
    public var training: Bool
}

/// DGCNN's EdgeConv layer: for every edge (i, j) the shared MLP `LeakyReLU(BN([x_i, x_j − x_i]·W))` with
/// W [2C, out] (no bias), then the max over the k edges of node i.
///
/// Computed without any per-edge tensor: the pre-activation of edge (i, j) is `P_i + Q_j` with
/// P = x·(W_a − W_b) and Q = x·W_b (W_a, W_b the x_i and x_j − x_i halves of W). BatchNorm statistics over
/// all B·N·k edges follow from per-node sums of Q, and because `LeakyReLU(a·h + b)` is monotonic in h, the max
/// over edges is reached at the largest Q_j (smallest when a = γ/σ < 0). Memory is O(B·N·out).
public enum EdgeConv {
    /// Runs the layer on `x` [B·N, C] over `graph`; returns [B·N, out].
    public static func forward(
        _ x: Tensor, graph: NeighbourGraph, weight: Tensor, gamma: Tensor, beta: Tensor,
        runningMean: inout Tensor, runningVariance: inout Tensor, training: Bool
    ) -> (Tensor, EdgeConvCache) {
        let rows = graph.rows
        let c = x.shape[1]
        let k = graph.k
        precondition(x.shape[0] == rows, "EdgeConv input must have B·N rows")
        precondition(weight.rank == 2 && weight.shape[0] == 2 * c, "EdgeConv weight must be [2C, out]")
        let out = weight.shape[1]
        let (p, q) = projections(x, weight: weight)
        var maxRow = [Int32](repeating: 0, count: rows * out)
        var minRow = [Int32](repeating: 0, count: rows * out)
        var neighbourSum = [Float](repeating: 0, count: training ? rows * out : 0)
        var mean = [Float](repeating: 0, count: out)
        var inverseStd = [Float](repeating: 0, count: out)
        let meanP = columnMeans(p)
        let meanQ = columnMeans(q)
        var s1 = [Double](repeating: 0, count: out)
        var s2 = [Double](repeating: 0, count: out)
        p.withUnsafeBufferPointer { pp in
            q.withUnsafeBufferPointer { qp in
                graph.indices.withUnsafeBufferPointer { nb in
                    var hi = [Float](repeating: 0, count: out)
                    var lo = [Float](repeating: 0, count: out)
                    var sum = [Float](repeating: 0, count: out)
                    var squares = [Float](repeating: 0, count: out)
                    var part1 = [Float](repeating: 0, count: out)
                    var part2 = [Float](repeating: 0, count: out)
                    for i in 0..<rows {
                        let base = i * out
                        let first = nb[i * k]
                        for ch in 0..<out {
                            let v = qp[Int(first) * out + ch]
                            hi[ch] = v
                            lo[ch] = v
                            maxRow[base + ch] = first
                            minRow[base + ch] = first
                        }
                        for j in 1..<max(k, 1) {
                            let row = nb[i * k + j]
                            let qb = Int(row) * out
                            for ch in 0..<out {
                                let v = qp[qb + ch]
                                if v > hi[ch] {
                                    hi[ch] = v
                                    maxRow[base + ch] = row
                                }
                                if v < lo[ch] {
                                    lo[ch] = v
                                    minRow[base + ch] = row
                                }
                            }
                        }
                        guard training else { continue }
                        for ch in 0..<out {
                            sum[ch] = 0
                            squares[ch] = 0
                        }
                        for j in 0..<k {
                            let qb = Int(nb[i * k + j]) * out
                            for ch in 0..<out {
                                let d = qp[qb + ch] - meanQ[ch]
                                sum[ch] += d
                                squares[ch] += d * d
                            }
                        }
                        let kf = Float(k)
                        for ch in 0..<out {
                            neighbourSum[base + ch] = sum[ch] + kf * meanQ[ch]
                            let pc = pp[base + ch] - meanP[ch]
                            part1[ch] += kf * pc + sum[ch]
                            part2[ch] += kf * pc * pc + 2 * pc * sum[ch] + squares[ch]
                        }
                        if i % 32 == 31 || i == rows - 1 {
                            for ch in 0..<out {
                                s1[ch] += Double(part1[ch])
                                s2[ch] += Double(part2[ch])
                                part1[ch] = 0
                                part2[ch] = 0
                            }
                        }
                    }
                }
            }
        }
        if training {
            let edges = Double(rows * k)
            precondition(edges > 1, "EdgeConv in training needs more than one edge")
            runningMean.withUnsafeMutableBufferPointer { rm in
                runningVariance.withUnsafeMutableBufferPointer { rv in
                    let m = BatchNorm.momentum
                    for ch in 0..<out {
                        let shifted = s1[ch] / edges
                        let variance = max(s2[ch] / edges - shifted * shifted, 0)
                        mean[ch] = Float(shifted) + meanP[ch] + meanQ[ch]
                        inverseStd[ch] = 1 / (Float(variance) + BatchNorm.epsilon).squareRoot()
                        rm[ch] = (1 - m) * rm[ch] + m * mean[ch]
                        rv[ch] = (1 - m) * rv[ch] + m * Float(variance * edges / (edges - 1))
                    }
                }
            }
        } else {
            for ch in 0..<out {
                mean[ch] = runningMean.scalars[ch]
                inverseStd[ch] = 1 / (runningVariance.scalars[ch] + BatchNorm.epsilon).squareRoot()
            }
        }
        var y = Tensor.zeros([rows, out])
        var selected = maxRow
        let slope = GNN.leakySlope
        p.withUnsafeBufferPointer { pp in
            q.withUnsafeBufferPointer { qp in
                y.withUnsafeMutableBufferPointer { yp in
                    let g = gamma.scalars
                    let b = beta.scalars
                    for i in 0..<rows {
                        let base = i * out
                        for ch in 0..<out {
                            let a = g[ch] * inverseStd[ch]
                            let row = a >= 0 ? maxRow[base + ch] : minRow[base + ch]
                            selected[base + ch] = row
                            let z = a * (pp[base + ch] + qp[Int(row) * out + ch] - mean[ch]) + b[ch]
                            yp[base + ch] = z > 0 ? z : slope * z
                        }
                    }
                }
            }
        }
        let cache = EdgeConvCache(
            input: x, selfPart: p, neighbourPart: q, selected: selected, neighbourSum: neighbourSum, mean: mean,
            inverseStd: inverseStd, training: training)
        return (y, cache)
    }

    /// Accumulates the gradients of W, γ and β and returns dx [B·N, C] (empty when `needInputGradient` is
    /// false).
    public static func backward(
        _ dy: Tensor, cache: EdgeConvCache, graph: NeighbourGraph, weight: Tensor, gamma: Tensor, beta: Tensor,
        weightGrad: inout Tensor, gammaGrad: inout Tensor, betaGrad: inout Tensor, needInputGradient: Bool = true
    ) -> Tensor {
        let rows = graph.rows
        let k = graph.k
        let out = weight.shape[1]
        let c = weight.shape[0] / 2
        precondition(dy.shape == [rows, out], "EdgeConv gradient must be [B·N, out]")
        let edges = Float(rows * k)
        let slope = GNN.leakySlope
        // s = dL/dx̂ at the selected edge of each (node, channel).
        var s = [Float](repeating: 0, count: rows * out)
        var m1 = [Double](repeating: 0, count: out)
        var m2 = [Double](repeating: 0, count: out)
        var dGamma = [Double](repeating: 0, count: out)
        var dBeta = [Double](repeating: 0, count: out)
        let g = gamma.scalars
        let b = beta.scalars
        let mean = cache.mean
        let inverseStd = cache.inverseStd
        cache.selfPart.withUnsafeBufferPointer { pp in
            cache.neighbourPart.withUnsafeBufferPointer { qp in
                dy.withUnsafeBufferPointer { dp in
                    for i in 0..<rows {
                        let base = i * out
                        for ch in 0..<out {
                            let row = Int(cache.selected[base + ch])
                            let xh = (pp[base + ch] + qp[row * out + ch] - mean[ch]) * inverseStd[ch]
                            let z = g[ch] * xh + b[ch]
                            let dz = z > 0 ? dp[base + ch] : slope * dp[base + ch]
                            dGamma[ch] += Double(dz * xh)
                            dBeta[ch] += Double(dz)
                            let sv = dz * g[ch]
                            s[base + ch] = sv
                            m1[ch] += Double(sv)
                            m2[ch] += Double(sv * xh)
                        }
                    }
                }
            }
        }
        gammaGrad.withUnsafeMutableBufferPointer { gg in
            betaGrad.withUnsafeMutableBufferPointer { bg in
                for ch in 0..<out {
                    gg[ch] += Float(dGamma[ch])
                    bg[ch] += Float(dBeta[ch])
                }
            }
        }
        let mean1 = m1.map { Float($0) / edges }
        let mean2 = m2.map { Float($0) / edges }
        var dP = Tensor.zeros([rows, out])
        var dQ = Tensor.zeros([rows, out])
        let kf = Float(k)
        cache.selfPart.withUnsafeBufferPointer { pp in
            cache.neighbourPart.withUnsafeBufferPointer { qp in
                dP.withUnsafeMutableBufferPointer { dpp in
                    dQ.withUnsafeMutableBufferPointer { dqp in
                        graph.indices.withUnsafeBufferPointer { nb in
                            for i in 0..<rows {
                                let base = i * out
                                for ch in 0..<out {
                                    let sv = s[base + ch]
                                    dqp[Int(cache.selected[base + ch]) * out + ch] += sv * inverseStd[ch]
                                    dpp[base + ch] = sv * inverseStd[ch]
                                }
                            }
                            guard cache.training else { return }
                            // Dense part of the BatchNorm gradient, spread over every edge (i, j):
                            // −σ⁻¹·(m1 + x̂_ij·m2) with x̂_ij = (P_i + Q_j − μ)·σ⁻¹.
                            var degree = [Float](repeating: 0, count: rows)
                            for r in nb { degree[Int(r)] += 1 }
                            for i in 0..<rows {
                                let base = i * out
                                for ch in 0..<out {
                                    let sumXh =
                                        (kf * (pp[base + ch] - mean[ch]) + cache.neighbourSum[base + ch])
                                        * inverseStd[ch]
                                    dpp[base + ch] -= inverseStd[ch] * (kf * mean1[ch] + mean2[ch] * sumXh)
                                }
                                for j in 0..<k {
                                    let qb = Int(nb[i * k + j]) * out
                                    for ch in 0..<out {
                                        // P_i's share of x̂ for edges into row qb.
                                        dqp[qb + ch] -= inverseStd[ch] * inverseStd[ch] * mean2[ch] * pp[base + ch]
                                    }
                                }
                            }
                            for m in 0..<rows {
                                let base = m * out
                                let d = degree[m]
                                guard d > 0 else { continue }
                                for ch in 0..<out {
                                    let xq = (qp[base + ch] - mean[ch]) * inverseStd[ch]
                                    dqp[base + ch] -= inverseStd[ch] * d * (mean1[ch] + mean2[ch] * xq)
                                }
                            }
                        }
                    }
                }
            }
        }
        // W_a receives xᵀ·dP; W_b receives xᵀ·(dQ − dP) because P uses W_a − W_b.
        let x = cache.input
        var dQminusP = dQ
        dQminusP.withUnsafeMutableBufferPointer { d in
            dP.withUnsafeBufferPointer { dpp in for i in d.indices { d[i] -= dpp[i] } }
        }
        gemm(x, dP, into: &weightGrad, beta: 1, transposeA: true, cBlock: MatrixBlock(rows: c, columns: out))
        gemm(
            x, dQminusP, into: &weightGrad, beta: 1, transposeA: true,
            cBlock: MatrixBlock(rows: c, columns: out, rowOffset: c))
        guard needInputGradient else { return Tensor.zeros([0]) }
        // dx = dP·(W_a − W_b)ᵀ + dQ·W_bᵀ = dP·W_aᵀ + (dQ − dP)·W_bᵀ.
        var dx = Tensor.zeros([rows, c])
        gemm(dP, weight, into: &dx, transposeB: true, bBlock: MatrixBlock(rows: c, columns: out))
        gemm(
            dQminusP, weight, into: &dx, beta: 1, transposeB: true,
            bBlock: MatrixBlock(rows: c, columns: out, rowOffset: c))
        return dx
    }

    /// P = x·(W_a − W_b) and Q = x·W_b.
    static func projections(_ x: Tensor, weight: Tensor) -> (Tensor, Tensor) {
        let rows = x.shape[0]
        let c = x.shape[1]
        let out = weight.shape[1]
        var difference = Tensor.zeros([c, out])
        difference.withUnsafeMutableBufferPointer { d in
            weight.withUnsafeBufferPointer { w in
                for i in 0..<(c * out) { d[i] = w[i] - w[c * out + i] }
            }
        }
        let p = Linear.forward(x, weight: difference, inWidth: c, outWidth: out)
        var q = Tensor.zeros([rows, out])
        gemm(x, weight, into: &q, bBlock: MatrixBlock(rows: c, columns: out, rowOffset: c))
        return (p, q)
    }

    /// Column means of [R, C] (Float64 accumulation).
    static func columnMeans(_ x: Tensor) -> [Float] {
        let rows = x.shape[0]
        let c = x.shape[1]
        var sum = [Double](repeating: 0, count: c)
        x.withUnsafeBufferPointer { xp in
            for r in 0..<rows { for ch in 0..<c { sum[ch] += Double(xp[r * c + ch]) } }
        }
        return sum.map { Float($0 / Double(max(rows, 1))) }
    }
}
