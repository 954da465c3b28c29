import Tensor

/// The message a node receives from each neighbour j (i is the receiving node).
public enum MessageType: Int, Sendable, CaseIterable, CustomStringConvertible {
    /// `[x_i, x_j, x_j − x_i, ‖x_j − x_i‖]`, width 3C + 1.
    case full = 0
    /// `x_j`, width C.
    case source = 1
    /// `[x_i, x_j − x_i]`, width 2C.
    case edgeConv = 2
    /// `x_j − x_i`, width C.
    case relative = 3

    /// The message width for input width C.
    public func width(for inputWidth: Int) -> Int {
        switch self {
        case .full: return 3 * inputWidth + 1
        case .source, .relative: return inputWidth
        case .edgeConv: return 2 * inputWidth
        }
    }

    /// The short name used in the readable architecture form.
    public var description: String {
        switch self {
        case .full: return "full"
        case .source: return "source"
        case .edgeConv: return "edgeconv"
        case .relative: return "rel"
        }
    }
}

/// How the k messages of a node are reduced to one vector.
public enum Reducer: Int, Sendable, CaseIterable, CustomStringConvertible {
    /// Element-wise maximum (the argmax is kept for the backward pass).
    case max = 0
    /// Element-wise mean.
    case mean = 1
    /// Element-wise sum.
    case sum = 2

    /// The short name used in the readable architecture form.
    public var description: String {
        switch self {
        case .max: return "max"
        case .mean: return "mean"
        case .sum: return "sum"
        }
    }
}

/// What `Aggregate.backward` needs from the forward pass.
public struct AggregateCache: Sendable {
    /// For `.max`: the winning neighbour row of each x_j channel, [B·N·C] (shared by the x_j and x_j − x_i
    /// parts, whose maxima coincide); empty otherwise.
    public var argmax: [Int32]
    /// For `.max` with `.full`: the winning neighbour row of the distance channel, [B·N]; empty otherwise.
    public var normArgmax: [Int32]
}

/// Neighbourhood aggregation: each node reduces the messages from its k neighbours.
///
/// Messages are never materialised: each output row is reduced directly from the input rows, so memory is
/// O(B·N·W), not O(B·N·k·W). Segment order in the output follows the message (x_i first).
public enum Aggregate {
    /// Reduces messages of type `message` over `graph` with `reducer`; `x` is [B·N, C], the result is
    /// [B·N, message.width(for: C)]. Rows are shared among up to `threads.threads` threads.
    public static func forward(
        _ x: Tensor, graph: NeighbourGraph, message: MessageType, reducer: Reducer, threads: ThreadBudget
    ) -> (Tensor, AggregateCache) {
        precondition(x.rank == 2 && x.shape[0] == graph.rows, "aggregate input must be [B·N, C] of the graph")
        let rows = graph.rows
        let c = x.shape[1]
        let k = graph.k
        let width = message.width(for: c)
        var y = Tensor.zeros([rows, width])
        var argmax = [Int32](repeating: 0, count: reducer == .max ? rows * c : 0)
        var normArgmax = [Int32](repeating: 0, count: reducer == .max && message == .full ? rows : 0)
        x.withUnsafeBufferPointer { xp in
            y.withUnsafeMutableBufferPointer { yp in
                graph.indices.withUnsafeBufferPointer { nb in
                    argmax.withUnsafeMutableBufferPointer { am in
                        normArgmax.withUnsafeMutableBufferPointer { nam in
                            nonisolated(unsafe) let (xp, yp, nb, am, nam) = (xp, yp, nb, am, nam)
                            threads.forEachChunk(count: rows, work: rows * k * c, threshold: 1 << 15) { _, range in
                                reduceRows(
                                    range, x: xp, y: yp, neighbours: nb, argmax: am, normArgmax: nam, c: c, k: k,
                                    width: width, message: message, reducer: reducer)
                            }
                        }
                    }
                }
            }
        }
        return (y, AggregateCache(argmax: argmax, normArgmax: normArgmax))
    }

    /// Returns dx [B·N, C] for the output gradient `dy` [B·N, W]; clouds are shared among up to
    /// `threads.threads` threads.
    public static func backward(
        _ dy: Tensor, input x: Tensor, graph: NeighbourGraph, message: MessageType, reducer: Reducer,
        cache: AggregateCache, threads: ThreadBudget
    ) -> Tensor {
        let rows = graph.rows
        let c = x.shape[1]
        let k = graph.k
        let width = message.width(for: c)
        precondition(dy.shape == [rows, width], "aggregate gradient must be [B·N, \(width)]")
        var dx = Tensor.zeros([rows, c])
        // Neighbours never leave their cloud, so clouds are independent: split the work by cloud.
        let nodes = graph.nodes
        x.withUnsafeBufferPointer { xp in
            dy.withUnsafeBufferPointer { dp in
                dx.withUnsafeMutableBufferPointer { gp in
                    graph.indices.withUnsafeBufferPointer { nb in
                        nonisolated(unsafe) let (xp, dp, gp, nb) = (xp, dp, gp, nb)
                        threads.forEachChunk(count: graph.batch, work: rows * k * c, threshold: 1 << 15) { _, clouds in
                            backwardRows(
                                (clouds.lowerBound * nodes)..<(clouds.upperBound * nodes), x: xp, dy: dp, dx: gp,
                                neighbours: nb, cache: cache, c: c, k: k, width: width, message: message,
                                reducer: reducer)
                        }
                    }
                }
            }
        }
        return dx
    }

    /// The forward pass for the rows in `range` (disjoint ranges may run concurrently).
    static func reduceRows(
        _ range: Range<Int>, x xp: UnsafeBufferPointer<Float>, y yp: UnsafeMutableBufferPointer<Float>,
        neighbours nb: UnsafeBufferPointer<Int32>, argmax am: UnsafeMutableBufferPointer<Int32>,
        normArgmax: UnsafeMutableBufferPointer<Int32>, c: Int, k: Int, width: Int, message: MessageType,
        reducer: Reducer
    ) {
        let (selfAt, sourceAt, relAt, normAt) = segments(message, c)
        let scale: Float = reducer == .sum ? Float(k) : 1
        let inverseK: Float = reducer == .mean ? 1 / Float(k) : 1
        var best = [Float](repeating: 0, count: c)
        var acc = [Float](repeating: 0, count: c)
        for i in range {
            let xi = i * c
            let out = i * width
            let nbrs = i * k
            if reducer == .max {
                let first = Int(nb[nbrs]) * c
                for ch in 0..<c {
                    best[ch] = xp[first + ch]
                    am[xi + ch] = nb[nbrs]
                }
                for j in 1..<max(k, 1) {
                    let row = nb[nbrs + j]
                    let xj = Int(row) * c
                    for ch in 0..<c where xp[xj + ch] > best[ch] {
                        best[ch] = xp[xj + ch]
                        am[xi + ch] = row
                    }
                }
            } else {
                for ch in 0..<c { acc[ch] = 0 }
                for j in 0..<k {
                    let xj = Int(nb[nbrs + j]) * c
                    for ch in 0..<c { acc[ch] += xp[xj + ch] }
                }
                for ch in 0..<c { best[ch] = acc[ch] * inverseK }
            }
            // best = reduced x_j (max, sum or mean); the relative part subtracts the
            // matching multiple of x_i.
            if selfAt >= 0 { for ch in 0..<c { yp[out + selfAt + ch] = scale * xp[xi + ch] } }
            if sourceAt >= 0 { for ch in 0..<c { yp[out + sourceAt + ch] = best[ch] } }
            if relAt >= 0 {
                for ch in 0..<c { yp[out + relAt + ch] = best[ch] - scale * xp[xi + ch] }
            }
            if normAt >= 0 {
                var reduced: Float = reducer == .max ? -1 : 0
                var winner = nb[nbrs]
                for j in 0..<k {
                    let xj = Int(nb[nbrs + j]) * c
                    var s: Float = 0
                    for ch in 0..<c {
                        let d = xp[xj + ch] - xp[xi + ch]
                        s += d * d
                    }
                    let distance = s.squareRoot()
                    if reducer == .max {
                        if distance > reduced {
                            reduced = distance
                            winner = nb[nbrs + j]
                        }
                    } else {
                        reduced += distance
                    }
                }
                if reducer == .max { normArgmax[i] = winner }
                yp[out + normAt] = reducer == .mean ? reduced * inverseK : reduced
            }
        }
    }

    /// The backward pass for the rows in `range`, which must hold whole clouds (their neighbours stay inside).
    static func backwardRows(
        _ range: Range<Int>, x xp: UnsafeBufferPointer<Float>, dy dp: UnsafeBufferPointer<Float>,
        dx gp: UnsafeMutableBufferPointer<Float>, neighbours nb: UnsafeBufferPointer<Int32>, cache: AggregateCache,
        c: Int, k: Int, width: Int, message: MessageType, reducer: Reducer
    ) {
        let (selfAt, sourceAt, relAt, normAt) = segments(message, c)
        let scale: Float = reducer == .sum ? Float(k) : 1
        let inverseK: Float = reducer == .mean ? 1 / Float(k) : 1
        var dj = [Float](repeating: 0, count: c)
        for i in range {
            let xi = i * c
            let out = i * width
            let nbrs = i * k
            // Gradient reaching the reduced x_j: from the source and relative parts.
            for ch in 0..<c { dj[ch] = 0 }
            if sourceAt >= 0 { for ch in 0..<c { dj[ch] += dp[out + sourceAt + ch] } }
            if relAt >= 0 {
                for ch in 0..<c {
                    dj[ch] += dp[out + relAt + ch]
                    gp[xi + ch] -= scale * dp[out + relAt + ch]
                }
            }
            if selfAt >= 0 { for ch in 0..<c { gp[xi + ch] += scale * dp[out + selfAt + ch] } }
            if reducer == .max {
                for ch in 0..<c { gp[Int(cache.argmax[xi + ch]) * c + ch] += dj[ch] }
            } else {
                for j in 0..<k {
                    let xj = Int(nb[nbrs + j]) * c
                    for ch in 0..<c { gp[xj + ch] += dj[ch] * inverseK }
                }
            }
            if normAt >= 0 {
                let g = dp[out + normAt] * inverseK
                for j in 0..<k {
                    let row = nb[nbrs + j]
                    if reducer == .max && row != cache.normArgmax[i] { continue }
                    let xj = Int(row) * c
                    var s: Float = 0
                    for ch in 0..<c {
                        let d = xp[xj + ch] - xp[xi + ch]
                        s += d * d
                    }
                    let distance = s.squareRoot()
                    if distance > 0 {
                        let f = g / distance
                        for ch in 0..<c {
                            let u = f * (xp[xj + ch] - xp[xi + ch])
                            gp[xj + ch] += u
                            gp[xi + ch] -= u
                        }
                    }
                    if reducer == .max { break }
                }
            }
        }
    }

    /// Offsets of the x_i, x_j, x_j − x_i and distance segments in an output row (-1 when absent).
    static func segments(_ message: MessageType, _ c: Int) -> (Int, Int, Int, Int) {
        switch message {
        case .full: return (0, c, 2 * c, 3 * c)
        case .source: return (-1, 0, -1, -1)
        case .edgeConv: return (0, -1, c, -1)
        case .relative: return (-1, -1, 0, -1)
        }
    }
}
