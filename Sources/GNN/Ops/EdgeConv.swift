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
    /// Rows per block of the training statistics: each block of rows has its own partial sums, summed in
    /// block order, so the statistics do not depend on how many threads share the blocks.
    static let statisticsBlock = 256

    /// Runs the layer on `x` [B·N, C] over `graph` on up to `threads.threads` threads; returns [B·N, out].
    public static func forward(
        _ x: Tensor, graph: NeighbourGraph, weight: Tensor, gamma: Tensor, beta: Tensor,
        runningMean: inout Tensor, runningVariance: inout Tensor, training: Bool, threads: ThreadBudget
    ) -> (Tensor, EdgeConvCache) {
        let rows = graph.rows
        let c = x.shape[1]
        let k = graph.k
        precondition(x.shape[0] == rows, "EdgeConv input must have B·N rows")
        precondition(weight.rank == 2 && weight.shape[0] == 2 * c, "EdgeConv weight must be [2C, out]")
        let out = weight.shape[1]
        let (p, q) = projections(x, weight: weight, threads: threads)
        // The max over edges of LeakyReLU(a·(P_i + Q_j − μ) + β) sits at the largest Q_j when a = γ/σ ≥ 0 and
        // at the smallest when a < 0; σ > 0, so the sign of γ decides. Track max of sign·Q_j.
        let sign = gamma.scalars.map { $0 >= 0 ? Float(1) : Float(-1) }
        if !training {
            let y = evaluate(
                p: p, q: q, graph: graph, sign: sign, gamma: gamma, beta: beta, runningMean: runningMean,
                runningVariance: runningVariance, threads: threads)
            let inverseStd = runningVariance.scalars.map { 1 / ($0 + BatchNorm.epsilon).squareRoot() }
            let cache = EdgeConvCache(
                input: x, selfPart: p, neighbourPart: q, selected: [], neighbourSum: [], mean: runningMean.scalars,
                inverseStd: inverseStd, training: false)
            return (y, cache)
        }
        var selected = [Int32](repeating: 0, count: rows * out)
        var neighbourSum = [Float](repeating: 0, count: training ? rows * out : 0)
        var mean = [Float](repeating: 0, count: out)
        var inverseStd = [Float](repeating: 0, count: out)
        let meanP = training ? columnMeans(p) : []
        let meanQ = training ? columnMeans(q) : []
        let work = rows * k * out
        let blockRows = statisticsBlock
        let blockCount = (rows + blockRows - 1) / blockRows
        // Per block of rows: Σ and Σ² of the shifted edge pre-activations, per channel (Float64). The buffer is
        // sized from `blockCount`, the same value that bounds the block ids below.
        var partials = [Double](repeating: 0, count: training ? blockCount * 2 * out : 0)
        p.withUnsafeBufferPointer { pp in
            q.withUnsafeBufferPointer { qp in
                graph.indices.withUnsafeBufferPointer { nb in
                    selected.withUnsafeMutableBufferPointer { sel in
                        neighbourSum.withUnsafeMutableBufferPointer { nsum in
                            partials.withUnsafeMutableBufferPointer { part in
                                sign.withUnsafeBufferPointer { sg in
                                    meanP.withUnsafeBufferPointer { mp in
                                        meanQ.withUnsafeBufferPointer { mq in
                                            nonisolated(unsafe) let (pp, qp, nb, sel, nsum, part, sg, mp, mq) = (
                                                pp, qp, nb, sel, nsum, part, sg, mp, mq
                                            )
                                            threads.forEachChunk(count: blockCount, work: work, threshold: 1 << 15) {
                                                _, blocks in
                                                for block in blocks {
                                                    let range =
                                                        (block * blockRows)..<Swift.min((block + 1) * blockRows, rows)
                                                    edgeStatistics(
                                                        range: range, k: k, out: out, training: training, p: pp, q: qp,
                                                        neighbours: nb, sign: sg, meanP: mp, meanQ: mq, selected: sel,
                                                        neighbourSum: nsum,
                                                        partial: training
                                                            ? part.baseAddress.map { $0 + block * 2 * out } : nil)
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if training {
            var s1 = [Double](repeating: 0, count: out)
            var s2 = [Double](repeating: 0, count: out)
            for block in 0..<blockCount {
                for ch in 0..<out {
                    s1[ch] += partials[block * 2 * out + ch]
                    s2[ch] += partials[block * 2 * out + out + ch]
                }
            }
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
        let slope = GNN.leakySlope
        let scale = (0..<out).map { gamma.scalars[$0] * inverseStd[$0] }
        let shift = (0..<out).map { beta.scalars[$0] - scale[$0] * mean[$0] }
        p.withUnsafeBufferPointer { pp in
            q.withUnsafeBufferPointer { qp in
                y.withUnsafeMutableBufferPointer { yp in
                    for i in 0..<rows {
                        let base = i * out
                        for ch in 0..<out {
                            let z = scale[ch] * (pp[base + ch] + qp[Int(selected[base + ch]) * out + ch]) + shift[ch]
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
    /// false), on up to `threads.threads` threads.
    public static func backward(
        _ dy: Tensor, cache: EdgeConvCache, graph: NeighbourGraph, weight: Tensor, gamma: Tensor, beta: Tensor,
        weightGrad: inout Tensor, gammaGrad: inout Tensor, betaGrad: inout Tensor, needInputGradient: Bool = true,
        threads: ThreadBudget
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
        let selected =
            cache.selected.isEmpty
            ? selectedRows(q: cache.neighbourPart, graph: graph, sign: g.map { $0 >= 0 ? Float(1) : Float(-1) })
            : cache.selected
        let inverseStd = cache.inverseStd
        cache.selfPart.withUnsafeBufferPointer { pp in
            cache.neighbourPart.withUnsafeBufferPointer { qp in
                dy.withUnsafeBufferPointer { dp in
                    for i in 0..<rows {
                        let base = i * out
                        for ch in 0..<out {
                            let row = Int(selected[base + ch])
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
        var degree = [Float](repeating: 0, count: cache.training ? rows : 0)
        if cache.training { for r in graph.indices { degree[Int(r)] += 1 } }
        let nodes = graph.nodes
        let training = cache.training
        let (edgeGrad, inDegree) = (s, degree)
        cache.selfPart.withUnsafeBufferPointer { pp in
            cache.neighbourPart.withUnsafeBufferPointer { qp in
                dP.withUnsafeMutableBufferPointer { dpp in
                    dQ.withUnsafeMutableBufferPointer { dqp in
                        graph.indices.withUnsafeBufferPointer { nb in
                            nonisolated(unsafe) let (pp, qp, dpp, dqp, nb) = (pp, qp, dpp, dqp, nb)
                            // Neighbours stay inside their cloud: clouds are independent.
                            threads.forEachChunk(count: graph.batch, work: rows * k * out, threshold: 1 << 15) {
                                _, clouds in
                                let range = (clouds.lowerBound * nodes)..<(clouds.upperBound * nodes)
                                for i in range {
                                    let base = i * out
                                    for ch in 0..<out {
                                        let sv = edgeGrad[base + ch]
                                        dqp[Int(selected[base + ch]) * out + ch] += sv * inverseStd[ch]
                                        dpp[base + ch] = sv * inverseStd[ch]
                                    }
                                }
                                guard training else { return }
                                // Dense part of the BatchNorm gradient, spread over every edge (i, j):
                                // −σ⁻¹·(m1 + x̂_ij·m2) with x̂_ij = (P_i + Q_j − μ)·σ⁻¹.
                                for i in range {
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
                                for m in range {
                                    let base = m * out
                                    let d = inDegree[m]
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
        }
        // W_a receives xᵀ·dP; W_b receives xᵀ·(dQ − dP) because P uses W_a − W_b.
        let x = cache.input
        var dQminusP = dQ
        dQminusP.withUnsafeMutableBufferPointer { d in
            dP.withUnsafeBufferPointer { dpp in for i in d.indices { d[i] -= dpp[i] } }
        }
        gemm(
            x, dP, into: &weightGrad, beta: 1, transposeA: true, cBlock: MatrixBlock(rows: c, columns: out),
            threads: threads)
        gemm(
            x, dQminusP, into: &weightGrad, beta: 1, transposeA: true,
            cBlock: MatrixBlock(rows: c, columns: out, rowOffset: c), threads: threads)
        guard needInputGradient else { return Tensor.zeros([0]) }
        // dx = dP·(W_a − W_b)ᵀ + dQ·W_bᵀ = dP·W_aᵀ + (dQ − dP)·W_bᵀ.
        var dx = Tensor.zeros([rows, c])
        gemm(dP, weight, into: &dx, transposeB: true, bBlock: MatrixBlock(rows: c, columns: out), threads: threads)
        gemm(
            dQminusP, weight, into: &dx, beta: 1, transposeB: true,
            bBlock: MatrixBlock(rows: c, columns: out, rowOffset: c), threads: threads)
        return dx
    }

    /// Evaluation-mode output: LeakyReLU(a·(P_i + Q*) + b) with Q* the max of sign·Q over the neighbours
    /// (values only, no indices), BatchNorm folded into a and b from the running statistics.
    static func evaluate(
        p: Tensor, q: Tensor, graph: NeighbourGraph, sign: [Float], gamma: Tensor, beta: Tensor,
        runningMean: Tensor, runningVariance: Tensor, threads: ThreadBudget
    ) -> Tensor {
        let rows = graph.rows
        let k = graph.k
        let out = q.shape[1]
        let scale = (0..<out).map { gamma.scalars[$0] / (runningVariance.scalars[$0] + BatchNorm.epsilon).squareRoot() }
        let shift = (0..<out).map { beta.scalars[$0] - scale[$0] * runningMean.scalars[$0] }
        var y = Tensor.zeros([rows, out])
        p.withUnsafeBufferPointer { pp in
            q.withUnsafeBufferPointer { qp in
                y.withUnsafeMutableBufferPointer { yp in
                    graph.indices.withUnsafeBufferPointer { nb in
                        sign.withUnsafeBufferPointer { sg in
                            scale.withUnsafeBufferPointer { sc in
                                shift.withUnsafeBufferPointer { sh in
                                    nonisolated(unsafe) let (pp, qp, yp, nb, sg, sc, sh) = (pp, qp, yp, nb, sg, sc, sh)
                                    threads.forEachChunk(count: rows, work: rows * k * out, threshold: 1 << 15) {
                                        _, range in
                                        let best = UnsafeMutablePointer<Float>.allocate(capacity: out)
                                        defer { best.deallocate() }
                                        let slope = GNN.leakySlope
                                        for i in range {
                                            let fb = Int(nb[i * k]) * out
                                            for ch in 0..<out { best[ch] = sg[ch] * qp[fb + ch] }
                                            for j in 1..<max(k, 1) {
                                                let qb = Int(nb[i * k + j]) * out
                                                for ch in 0..<out { best[ch] = max(best[ch], sg[ch] * qp[qb + ch]) }
                                            }
                                            let base = i * out
                                            for ch in 0..<out {
                                                let z = sc[ch] * (pp[base + ch] + sg[ch] * best[ch]) + sh[ch]
                                                yp[base + ch] = z > 0 ? z : slope * z
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return y
    }

    /// The neighbour row maximising sign·Q per (node, channel) (first on ties), [B·N·out].
    static func selectedRows(q: Tensor, graph: NeighbourGraph, sign: [Float]) -> [Int32] {
        let out = q.shape[1]
        var selected = [Int32](repeating: 0, count: graph.rows * out)
        var unused = [Float]()
        q.withUnsafeBufferPointer { qp in
            graph.indices.withUnsafeBufferPointer { nb in
                sign.withUnsafeBufferPointer { sg in
                    selected.withUnsafeMutableBufferPointer { sel in
                        unused.withUnsafeMutableBufferPointer { none in
                            let empty = UnsafeBufferPointer<Float>(start: nil, count: 0)
                            edgeStatistics(
                                range: 0..<graph.rows, k: graph.k, out: out, training: false, p: empty, q: qp,
                                neighbours: nb, sign: sg, meanP: empty, meanQ: empty, selected: sel,
                                neighbourSum: none, partial: nil)
                        }
                    }
                }
            }
        }
        return selected
    }

    /// For the rows in `range`: the neighbour row maximising sign·Q per channel and, in training, Σ_j Q and
    /// the chunk's contributions to Σ and Σ² of the (shifted) edge pre-activations P_i + Q_j.
    static func edgeStatistics(
        range: Range<Int>, k: Int, out: Int, training: Bool, p: UnsafeBufferPointer<Float>,
        q: UnsafeBufferPointer<Float>, neighbours nb: UnsafeBufferPointer<Int32>, sign: UnsafeBufferPointer<Float>,
        meanP: UnsafeBufferPointer<Float>, meanQ: UnsafeBufferPointer<Float>,
        selected: UnsafeMutableBufferPointer<Int32>, neighbourSum: UnsafeMutableBufferPointer<Float>,
        partial: UnsafeMutablePointer<Double>?
    ) {
        let best = UnsafeMutablePointer<Float>.allocate(capacity: out)
        let bestRow = UnsafeMutablePointer<Int32>.allocate(capacity: out)
        defer { bestRow.deallocate() }
        let sum = UnsafeMutablePointer<Float>.allocate(capacity: out)
        let squares = UnsafeMutablePointer<Float>.allocate(capacity: out)
        let part1 = UnsafeMutablePointer<Float>.allocate(capacity: out)
        let part2 = UnsafeMutablePointer<Float>.allocate(capacity: out)
        defer { for b in [best, sum, squares, part1, part2] { b.deallocate() } }
        part1.update(repeating: 0, count: out)
        part2.update(repeating: 0, count: out)
        let kf = Float(k)
        var pending = 0
        for i in range {
            let base = i * out
            let first = nb[i * k]
            let fb = Int(first) * out
            for ch in 0..<out {
                best[ch] = sign[ch] * q[fb + ch]
                bestRow[ch] = first
            }
            if training {
                for ch in 0..<out {
                    let d = q[fb + ch] - meanQ[ch]
                    sum[ch] = d
                    squares[ch] = d * d
                }
            }
            for j in 1..<max(k, 1) {
                let row = nb[i * k + j]
                let qb = Int(row) * out
                for ch in 0..<out {
                    let v = sign[ch] * q[qb + ch]
                    let better = v > best[ch]
                    best[ch] = better ? v : best[ch]
                    bestRow[ch] = better ? row : bestRow[ch]
                }
                if training {
                    for ch in 0..<out {
                        let d = q[qb + ch] - meanQ[ch]
                        sum[ch] += d
                        squares[ch] += d * d
                    }
                }
            }
            for ch in 0..<out { selected[base + ch] = bestRow[ch] }
            guard training, let partial else { continue }
            for ch in 0..<out {
                neighbourSum[base + ch] = sum[ch] + kf * meanQ[ch]
                let pc = p[base + ch] - meanP[ch]
                part1[ch] += kf * pc + sum[ch]
                part2[ch] += kf * pc * pc + 2 * pc * sum[ch] + squares[ch]
            }
            pending += 1
            if pending == 32 || i == range.upperBound - 1 {
                for ch in 0..<out {
                    partial[ch] += Double(part1[ch])
                    partial[out + ch] += Double(part2[ch])
                    part1[ch] = 0
                    part2[ch] = 0
                }
                pending = 0
            }
        }
    }

    /// P = x·(W_a − W_b) and Q = x·W_b.
    static func projections(_ x: Tensor, weight: Tensor, threads: ThreadBudget) -> (Tensor, Tensor) {
        let rows = x.shape[0]
        let c = x.shape[1]
        let out = weight.shape[1]
        var difference = Tensor.zeros([c, out])
        difference.withUnsafeMutableBufferPointer { d in
            weight.withUnsafeBufferPointer { w in
                for i in 0..<(c * out) { d[i] = w[i] - w[c * out + i] }
            }
        }
        let p = Linear.forward(x, weight: difference, inWidth: c, outWidth: out, threads: threads)
        var q = Tensor.zeros([rows, out])
        gemm(x, weight, into: &q, bBlock: MatrixBlock(rows: c, columns: out, rowOffset: c), threads: threads)
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
