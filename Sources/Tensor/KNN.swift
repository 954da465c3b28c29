import CBLAS

/// Batched k-nearest-neighbours in feature space (the dynamic graph of DGCNN).
///
/// `points` is `[B, N, C]` (or `[N, C]` for one sample). For every point, returns its `k` nearest points of
/// the same sample as local indices `0..<N`, the point itself included (as in DGCNN), ordered by increasing
/// distance with ties broken by the lower index. The result has `B·N·k` entries laid out `[B, N, k]`, which is
/// the node-major order `neighbourhoodReduce` expects. Needs `1 ≤ k ≤ N`.
///
/// Distances are ranked by `‖b‖² − 2 a·b` (the squared distance minus the row constant `‖a‖²`). For `C ≤ 16`
/// they come from a direct SIMD loop, one row at a time; for `C > 16` from BLAS: when `N ≤ 2048` the whole
/// `N × N` matrix of a sample is built from `128 × 128` tiles on and below the diagonal, each tile also
/// written transposed above it (half the products), otherwise one `[64, N]` block of rows at a time.
/// Points whose squared distances differ by less than Float32 rounding (about `1e-7 · (‖a‖² + ‖b‖²)`) may come
/// in either order; exact ties (duplicate points, grid points with small integer coordinates) are ordered
/// by index. Top-k never sorts whole rows (see `selectNearest`). Work is split over samples, tiles and row
/// blocks on up to `threads.threads` threads; the result does not depend on the thread count.
public func knn(points: Tensor, k: Int, threads: ThreadBudget) -> [Int32] {
    precondition(points.rank == 3 || points.rank == 2, "knn needs [B, N, C] or [N, C] points, got \(points.shape)")
    let b = points.rank == 3 ? points.shape[0] : 1
    let n = points.rank == 3 ? points.shape[1] : points.shape[0]
    let c = points.columns
    precondition(k >= 1 && k <= n, "knn needs 1 ≤ k ≤ N, got k=\(k), N=\(n)")
    precondition(c >= 1, "knn needs at least one coordinate per point, got shape \(points.shape)")
    let norms = points.rowSquaredNorms().scalars
    if c > 16 && n <= 2048 {
        return symmetricKNN(points: points, norms: norms, samples: b, n: n, c: c, k: k, threads: threads)
    }
    let blockRows = 64
    let blocksPerSample = (n + blockRows - 1) / blockRows
    let items = b * blocksPerSample
    let direct = c <= 16
    let transposed = direct ? transposedSamples(points, samples: b, pointsPerSample: n) : []
    var result = [Int32](repeating: 0, count: b * n * k)
    BLAS.prepare()
    points.scalars.withBase { px in
        norms.withBase { pn in
            transposed.withBase { pt in
                result.withMutableBase { out in
                    nonisolated(unsafe) let px = px
                    nonisolated(unsafe) let pn = pn
                    nonisolated(unsafe) let pt = pt
                    nonisolated(unsafe) let out = out
                    threads.forEachChunk(count: items, work: b * n * n * Swift.max(c, 8), threshold: 1 << 20) {
                        _, range in
                        let scratch = UnsafeMutablePointer<Float>.allocate(capacity: blockRows * n)
                        let selection = SelectionScratch(k: k)
                        defer {
                            scratch.deallocate()
                            selection.deallocate()
                        }
                        for item in range {
                            let sample = item / blocksPerSample
                            let r0 = (item % blocksPerSample) * blockRows
                            let rb = Swift.min(r0 + blockRows, n) - r0
                            let x = px + sample * n * c
                            let norm = pn + sample * n
                            if direct {
                                // One row at a time, so that the row stays in L1 between distances and selection.
                                for i in 0..<rb {
                                    directDistances(
                                        queries: x + (r0 + i) * c, count: 1, transposed: pt + sample * n * c,
                                        norms: norm, n: n, c: c, into: scratch)
                                    selectNearest(
                                        scratch, n: n, k: k, scratch: selection,
                                        indices: out + ((sample * n) + r0 + i) * k)
                                }
                                continue
                            } else {
                                cblas_sgemm(
                                    CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rb), Int32(n), Int32(c), -2,
                                    x + r0 * c, Int32(c), x, Int32(c), 0, scratch, Int32(n))
                                for i in 0..<rb {
                                    let d = scratch + i * n
                                    for j in 0..<n { d[j] += norm[j] }
                                }
                            }
                            for i in 0..<rb {
                                selectNearest(
                                    scratch + i * n, n: n, k: k, scratch: selection,
                                    indices: out + ((sample * n) + r0 + i) * k)
                            }
                        }
                    }
                }
            }
        }
    }
    return result
}

/// Each sample's points transposed to `[C, N]` (so that distance rows vectorise over points).
private func transposedSamples(_ points: Tensor, samples: Int, pointsPerSample n: Int) -> [Float] {
    let c = points.columns
    return points.scalars.withBase { src in
        [Float].filled(count: samples * n * c) { out in
            for s in 0..<samples {
                let x = src + s * n * c
                let t = out + s * n * c
                for j in 0..<n {
                    for ch in 0..<c { t[ch * n + j] = x[j * c + ch] }
                }
            }
        }
    }
}

/// `d[i][j] = ‖x_j‖² − 2 q_i·x_j` for `count` query rows, from the `[C, N]` transposed sample.
@inline(__always)
private func directDistances(
    queries: UnsafePointer<Float>, count: Int, transposed: UnsafePointer<Float>, norms: UnsafePointer<Float>,
    n: Int, c: Int, into scratch: UnsafeMutablePointer<Float>
) {
    for i in 0..<count {
        let q = queries + i * c
        let d = scratch + i * n
        let q0 = q[0]
        for j in 0..<n { d[j] = q0 * transposed[j] }
        for ch in 1..<Swift.max(c, 1) {
            let qc = q[ch]
            let column = transposed + ch * n
            for j in 0..<n { d[j] += qc * column[j] }
        }
        for j in 0..<n { d[j] = norms[j] - 2 * d[j] }
    }
}

/// Scratch memory of one kNN worker for `selectNearest`.
struct SelectionScratch {
    /// The number of groups a row is cut into for the threshold (`2k`), and that number rounded up to 8.
    let groups: Int
    let paddedGroups: Int
    /// At most this many candidates are ranked; more (many ties) fall back to the insertion list.
    let candidateLimit: Int
    /// The k best distances of the insertion path.
    let distances: UnsafeMutablePointer<Float>
    /// Group minima (`paddedGroups`) followed by candidate values (`candidateLimit` rounded up to 8).
    let values: UnsafeMutablePointer<Float>
    /// Candidate indices (`candidateLimit`).
    let indices: UnsafeMutablePointer<Int32>

    init(k: Int) {
        groups = 2 * k
        paddedGroups = (groups + 7) / 8 * 8
        candidateLimit = 8 * k
        distances = .allocate(capacity: k)
        values = .allocate(capacity: paddedGroups + candidateLimit + 8)
        indices = .allocate(capacity: candidateLimit)
    }

    func deallocate() {
        distances.deallocate()
        values.deallocate()
        indices.deallocate()
    }
}

/// Writes the indices of the `k` smallest of `row[0..<n]` to `indices`, in increasing order of value, ties
/// by lower index.
///
/// For long rows (`n ≥ 4k`): the row is cut into `2k` contiguous groups; the k-th smallest group minimum is
/// a threshold that at least `k` values reach, so only values `≤ threshold` (typically ~1.4k of them) are
/// candidates; each candidate's rank among the candidates (by value, then index) is counted with SIMD
/// compares and the first `k` ranks are written. Short rows, rows with NaN, and rows with more than `8k`
/// candidates (many ties) use an insertion list of size `k` instead. Both give the same order.
@inline(__always)
func selectNearest(
    _ row: UnsafePointer<Float>, n: Int, k: Int, scratch: SelectionScratch, indices: UnsafeMutablePointer<Int32>
) {
    guard n >= 4 * k else {
        insertionSelect(row, n: n, k: k, distances: scratch.distances, indices: indices)
        return
    }
    let groups = scratch.groups
    let minima = scratch.values
    for g in 0..<groups {
        let lo = n * g / groups
        let hi = n * (g + 1) / groups
        var smallest = row[lo]
        for j in (lo + 1)..<hi {
            let x = row[j]
            smallest = x < smallest ? x : smallest
        }
        minima[g] = smallest
    }
    for g in groups..<scratch.paddedGroups { minima[g] = .infinity }
    var threshold = -Float.infinity
    for g in 0..<groups where rank(of: g, in: minima, paddedCount: scratch.paddedGroups) == k - 1 {
        threshold = minima[g]
    }
    let candidates = scratch.values + scratch.paddedGroups
    var count = 0
    for j in 0..<n where row[j] <= threshold {
        if count == scratch.candidateLimit {
            count += 1
            break
        }
        candidates[count] = row[j]
        scratch.indices[count] = Int32(j)
        count += 1
    }
    guard count >= k && count <= scratch.candidateLimit else {
        insertionSelect(row, n: n, k: k, distances: scratch.distances, indices: indices)
        return
    }
    let paddedCount = (count + 7) / 8 * 8
    for i in count..<paddedCount { candidates[i] = .infinity }
    for i in 0..<count {
        let r = rank(of: i, in: candidates, paddedCount: paddedCount)
        if r < k { indices[r] = scratch.indices[i] }
    }
}

/// The rank of `values[i]` among `values[0..<paddedCount]` ordered by value, then position (all ranks
/// distinct), counted eight at a time; `paddedCount` is a multiple of 8 and the padding holds `+∞`, which
/// ranks after every real value at or before it.
@inline(__always)
private func rank(of i: Int, in values: UnsafePointer<Float>, paddedCount: Int) -> Int {
    let x = SIMD8<Float>(repeating: values[i])
    let position = SIMD8<Int32>(repeating: Int32(i))
    let one = SIMD8<Int32>(repeating: 1)
    var lane = SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7)
    var before = SIMD8<Int32>(repeating: 0)
    var j = 0
    while j < paddedCount {
        let v = UnsafeRawPointer(values + j).loadUnaligned(as: SIMD8<Float>.self)
        before.replace(with: before &+ one, where: (v .< x) .| ((v .== x) .& (lane .< position)))
        lane &+= SIMD8<Int32>(repeating: 8)
        j += 8
    }
    return Int(before.wrappedSum())
}

/// `selectNearest` by an insertion list of size `k` (`distances` is scratch of `k` floats).
private func insertionSelect(
    _ row: UnsafePointer<Float>, n: Int, k: Int, distances: UnsafeMutablePointer<Float>,
    indices: UnsafeMutablePointer<Int32>
) {
    var filled = 0
    var worst = Float.infinity
    for j in 0..<n {
        let v = row[j]
        if filled == k && !(v < worst) { continue }
        var p: Int
        if filled < k {
            p = filled
            filled += 1
        } else {
            p = k - 1
        }
        while p > 0 && distances[p - 1] > v {
            distances[p] = distances[p - 1]
            indices[p] = indices[p - 1]
            p -= 1
        }
        distances[p] = v
        indices[p] = Int32(j)
        if filled == k { worst = distances[k - 1] }
    }
}

/// Turns local neighbour indices (`[B, N, k]` as returned by `knn`) into global row indices `b·N + j` of the
/// `[B·N, C]` feature matrix, ready for `gatherRows`.
public func globalNeighbourIndices(_ local: [Int32], pointsPerSample n: Int, k: Int) -> [Int32] {
    precondition(local.count % (n * k) == 0, "globalNeighbourIndices: \(local.count) is not a multiple of N·k")
    var result = local
    let perSample = n * k
    for p in result.indices {
        result[p] += Int32(p / perSample * n)
    }
    return result
}

/// The centre row of every edge of a fixed-degree graph: `[0 ×k, 1 ×k, …, rowCount−1 ×k]`, matching the
/// node-major layout of `knn` (use with `gatherRows` to pair each neighbour with its centre).
public func centreIndices(rowCount: Int, k: Int) -> [Int32] {
    var result = [Int32]()
    result.reserveCapacity(rowCount * k)
    for r in 0..<rowCount {
        for _ in 0..<k { result.append(Int32(r)) }
    }
    return result
}
