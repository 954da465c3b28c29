import Testing
import Tensor

/// Brute force: exact squared distances in Double, stable sort by (distance, index).
func bruteForceKNN(_ points: Tensor, samples: Int, k: Int) -> [Int32] {
    let n = points.rows / samples
    let c = points.columns
    var result = [Int32]()
    for s in 0..<samples {
        for i in 0..<n {
            var pairs = [(Double, Int)]()
            for j in 0..<n {
                var d = 0.0
                for ch in 0..<c {
                    let diff =
                        Double(points.scalars[(s * n + i) * c + ch]) - Double(points.scalars[(s * n + j) * c + ch])
                    d += diff * diff
                }
                pairs.append((d, j))
            }
            pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            result += pairs.prefix(k).map { Int32($0.1) }
        }
    }
    return result
}

@Suite struct KNNTests {
    @Test(arguments: [3, 16, 40], [1, 5, 20, 33])
    func randomPointsMatchBruteForce(dimensions: Int, k: Int) {
        let (b, n) = (3, 33)
        let points = Reference.random([b, n, dimensions], seed: UInt64(dimensions * 100 + k))
        let got = knn(points: points, k: k, threads: .single)
        #expect(got == bruteForceKNN(points, samples: b, k: k))
    }

    @Test func everyPointIsItsOwnNearestNeighbour() {
        let points = Reference.random([2, 50, 3], seed: 5)
        let got = knn(points: points, k: 4, threads: .single)
        for p in 0..<100 { #expect(got[p * 4] == Int32(p % 50)) }
    }

    @Test func duplicatePointsAreOrderedByLowerIndex() {
        // Points 0, 2, 5 coincide; 1 and 4 coincide; 3 is far away.
        let coords: [[Float]] = [[1, 2, 3], [4, 4, 4], [1, 2, 3], [9, 9, 9], [4, 4, 4], [1, 2, 3]]
        let points = Tensor(shape: [1, 6, 3], scalars: coords.flatMap { $0 })
        let got = knn(points: points, k: 6, threads: .single)
        #expect(got == bruteForceKNN(points, samples: 1, k: 6))
        #expect(Array(got[0..<3]) == [0, 2, 5])
        #expect(Array(got[(5 * 6)..<(5 * 6 + 3)]) == [0, 2, 5])
    }

    @Test(arguments: [2, 3, 16, 20])
    func gridPointsWithManyTiesResolveByLowerIndex(dimensions: Int) {
        // Integer grid coordinates: many exactly equal distances, all computed exactly in Float32.
        let n = 40
        let points = Tensor(shape: [1, n, dimensions]) { i in Float((i / dimensions * 7 + i % dimensions * 3) % 5) }
        for k in [1, 7, n] {
            #expect(knn(points: points, k: k, threads: .single) == bruteForceKNN(points, samples: 1, k: k))
        }
    }

    @Test(arguments: [1, 3, 10, 40])
    func heavilyDuplicatedPointsOnLongRowsResolveByLowerIndex(k: Int) {
        // 200 points on a 3×3×3 grid: every distance value is shared by many points, so both the threshold
        // path and its many-ties fallback are exercised.
        let scale = [1, 3, 9]
        let points = Tensor(shape: [1, 200, 3]) { i in Float(i / 3 / scale[i % 3] % 3) }
        #expect(knn(points: points, k: k, threads: .single) == bruteForceKNN(points, samples: 1, k: k))
    }

    @Test(arguments: [300, 3000])
    func wideFeaturesWithSeveralTilesMatchBruteForce(count: Int) {
        // 20-D: N = 300 gives three 128-tiles (one partial) of the symmetric path; N = 3000 takes the
        // row-block path (N > 2048), checked on a sample of rows to keep the debug build fast.
        let points = Reference.random([1, count, 20], seed: UInt64(count))
        let got = knn(points: points, k: 7, threads: .single)
        if count <= 300 {
            #expect(got == bruteForceKNN(points, samples: 1, k: 7))
        } else {
            for row in stride(from: 0, to: count, by: 397) {
                var pairs = [(Double, Int)]()
                for j in 0..<count {
                    var d = 0.0
                    for ch in 0..<20 {
                        let diff = Double(points.scalars[row * 20 + ch]) - Double(points.scalars[j * 20 + ch])
                        d += diff * diff
                    }
                    pairs.append((d, j))
                }
                pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
                #expect(Array(got[(row * 7)..<(row * 7 + 7)]) == pairs.prefix(7).map { Int32($0.1) })
            }
        }
    }

    @Test func largeBatchUsesSeveralRowBlocksAndMatchesBruteForce() {
        let points = Reference.random([2, 150, 5], seed: 77)
        #expect(knn(points: points, k: 9, threads: .single) == bruteForceKNN(points, samples: 2, k: 9))
    }

    @Test func globalIndicesAddSampleOffsets() {
        let local: [Int32] = [0, 1, 1, 0, 1, 0, 0, 1]  // B=2, N=2, k=2
        #expect(globalNeighbourIndices(local, pointsPerSample: 2, k: 2) == [0, 1, 1, 0, 3, 2, 2, 3])
        #expect(centreIndices(rowCount: 3, k: 2) == [0, 0, 1, 1, 2, 2])
    }
}
