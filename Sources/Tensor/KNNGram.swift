import CBLAS

/// kNN for wide features (`C > 16`, `N ≤ 2048`) through the symmetric distance matrix of each sample.
///
/// The `N × N` matrix `D[i][j] = ‖x_j‖² − 2 x_i·x_j` is built from `T × T` tiles (`T = 128`) on and below
/// the diagonal: each tile is one BLAS product into a small buffer, copied into its place and, below the
/// diagonal, also transposed into the mirror place (reading the transposed tile from the small buffer keeps
/// the copy cheap). That does about half the multiply-adds of the full product. Then every row goes
/// through `selectNearest`. With at least as many samples as threads, each worker takes whole samples with
/// its own matrix; otherwise the tiles, and then the rows, of one sample are shared among the workers.
func symmetricKNN(
    points: Tensor, norms: [Float], samples: Int, n: Int, c: Int, k: Int, threads: ThreadBudget
) -> [Int32] {
    let tileSize = 128
    let tiles = (n + tileSize - 1) / tileSize
    let pairs = (0..<tiles).flatMap { i in (0...i).map { j in (i, j) } }
    let work = n * n * c
    var result = [Int32](repeating: 0, count: samples * n * k)
    BLAS.prepare()
    points.scalars.withBase { px in
        norms.withBase { pn in
            result.withMutableBase { out in
                nonisolated(unsafe) let px = px
                nonisolated(unsafe) let pn = pn
                nonisolated(unsafe) let out = out
                if samples >= threads.threads {
                    threads.forEachChunk(count: samples, work: samples * work, threshold: 1 << 20) { _, range in
                        let matrix = UnsafeMutablePointer<Float>.allocate(capacity: n * n)
                        let tile = UnsafeMutablePointer<Float>.allocate(capacity: tileSize * tileSize)
                        let selection = SelectionScratch(k: k)
                        defer {
                            matrix.deallocate()
                            tile.deallocate()
                            selection.deallocate()
                        }
                        for sample in range {
                            let x = px + sample * n * c
                            let norm = pn + sample * n
                            for (i, j) in pairs {
                                fillDistanceTile(
                                    i, j, tileSize: tileSize, x: x, norms: norm, n: n, c: c, tile: tile,
                                    matrix: matrix)
                            }
                            for row in 0..<n {
                                selectNearest(
                                    matrix + row * n, n: n, k: k, scratch: selection,
                                    indices: out + (sample * n + row) * k)
                            }
                        }
                    }
                    return
                }
                let matrix = UnsafeMutablePointer<Float>.allocate(capacity: n * n)
                defer { matrix.deallocate() }
                nonisolated(unsafe) let shared = matrix
                pairs.withBase { pp in
                    nonisolated(unsafe) let pp = pp
                    for sample in 0..<samples {
                        nonisolated(unsafe) let x = px + sample * n * c
                        nonisolated(unsafe) let norm = pn + sample * n
                        threads.forEachChunk(count: pairs.count, work: work, threshold: 1 << 20) { _, range in
                            let tile = UnsafeMutablePointer<Float>.allocate(capacity: tileSize * tileSize)
                            defer { tile.deallocate() }
                            for p in range {
                                fillDistanceTile(
                                    pp[p].0, pp[p].1, tileSize: tileSize, x: x, norms: norm, n: n, c: c, tile: tile,
                                    matrix: shared)
                            }
                        }
                        threads.forEachChunk(count: n, work: n * n * 8, threshold: 1 << 20) { _, range in
                            let selection = SelectionScratch(k: k)
                            defer { selection.deallocate() }
                            for row in range {
                                selectNearest(
                                    shared + row * n, n: n, k: k, scratch: selection,
                                    indices: out + (sample * n + row) * k)
                            }
                        }
                    }
                }
            }
        }
    }
    return result
}

/// Writes tile (`ti`, `tj`) of the distance matrix, `tj ≤ ti`, and below the diagonal also its mirror
/// (`tj`, `ti`): `matrix[i][j] = norms[j] − 2 x_i·x_j`. `tile` is scratch of `tileSize²` floats.
@inline(__always)
private func fillDistanceTile(
    _ ti: Int, _ tj: Int, tileSize: Int, x: UnsafePointer<Float>, norms: UnsafePointer<Float>, n: Int, c: Int,
    tile: UnsafeMutablePointer<Float>, matrix: UnsafeMutablePointer<Float>
) {
    let i0 = ti * tileSize
    let j0 = tj * tileSize
    let rows = Swift.min(tileSize, n - i0)
    let columns = Swift.min(tileSize, n - j0)
    cblas_sgemm(
        CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(columns), Int32(c), -2, x + i0 * c, Int32(c),
        x + j0 * c, Int32(c), 0, tile, Int32(columns))
    for a in 0..<rows {
        let source = tile + a * columns
        let target = matrix + (i0 + a) * n + j0
        let norm = norms + j0
        for b in 0..<columns { target[b] = source[b] + norm[b] }
    }
    guard tj < ti else { return }
    // The mirror, in 8 × 8 blocks: reads walk down a column of the small tile, writes run along rows.
    let norm = norms + i0
    var b0 = 0
    while b0 < columns {
        let b1 = Swift.min(b0 + 8, columns)
        var a0 = 0
        while a0 < rows {
            let a1 = Swift.min(a0 + 8, rows)
            for b in b0..<b1 {
                let target = matrix + (j0 + b) * n + i0
                for a in a0..<a1 { target[a] = tile[a * columns + b] + norm[a] }
            }
            a0 = a1
        }
        b0 = b1
    }
}
