import Dispatch
import Synchronization
import Testing
import Tensor

/// The thread budget is a value passed to each kernel: results must be the same on one and two threads, and
/// callers running at the same time with different budgets must each get what they get alone. Nothing here
/// changes process-wide state, so these tests run in parallel with all others.
@Suite struct ThreadBudgetTests {
    /// `body` with a budget of 1 thread and of 2 threads.
    func onOneAndTwoThreads<R>(_ body: (ThreadBudget) -> R) -> (one: R, two: R) {
        (body(.single), body(ThreadBudget(threads: 2)))
    }

    @Test func budgetIsAtLeastOneThread() {
        #expect(ThreadBudget(threads: 0).threads == 1)
        #expect(ThreadBudget(threads: -3) == .single)
        #expect(ThreadBudget(threads: 3).threads == 3)
        #expect(ThreadBudget(threads: 3).description == "3 threads")
    }

    @Test(arguments: [1, 2, 3])
    func forEachChunkCoversTheRangeOnceWithChunkIdsBelowTheChunkCount(threads: Int) {
        let budget = ThreadBudget(threads: threads)
        for (count, work) in [(1, 1 << 20), (7, 1 << 20), (1000, 1 << 20), (1000, 10)] {
            let chunks = budget.chunks(count: count, work: work)
            let seen = Mutex([Int](repeating: 0, count: count))
            let badChunk = Atomic<Int>(0)
            budget.forEachChunk(count: count, work: work) { chunk, range in
                if chunk < 0 || chunk >= chunks { badChunk.add(1, ordering: .relaxed) }
                seen.withLock { for i in range { $0[i] += 1 } }
            }
            #expect(seen.withLock { $0.allSatisfy { $0 == 1 } }, "count \(count) work \(work)")
            #expect(badChunk.load(ordering: .relaxed) == 0)
            #expect(chunks == (threads == 1 || count == 1 || work < (1 << 16) ? 1 : min(count, 4 * threads)))
        }
    }

    @Test func knnIsTheSameOnOneAndTwoThreads() {
        // 4 samples × 300 points: above the parallel threshold, several row blocks per sample.
        for channels in [8, 24] {
            let points = Reference.random([4, 300, channels], seed: UInt64(channels))
            let (one, two) = onOneAndTwoThreads { knn(points: points, k: 10, threads: $0) }
            #expect(one == two)
            #expect(one == bruteForceKNN(points, samples: 4, k: 10))
        }
    }

    @Test func singleSampleWideKNNSharesTilesAndRowsAmongThreads() {
        // One sample, fewer than the threads: the tiles and then the rows of its distance matrix are split.
        let points = Reference.random([1, 300, 24], seed: 45)
        let (one, two) = onOneAndTwoThreads { knn(points: points, k: 12, threads: $0) }
        #expect(one == two)
        #expect(one == bruteForceKNN(points, samples: 1, k: 12))
    }

    @Test func concurrentCallersWithDifferentBudgetsGetTheSameNeighboursAsOneCaller() {
        // Four callers at once (as two co-inference sides in one process would), with budgets of 1 to 4 threads,
        // each nesting its own workers.
        let points = Reference.random([2, 200, 24], seed: 46)
        let expected = knn(points: points, k: 9, threads: .single)
        let mismatches = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 4) { i in
            if knn(points: points, k: 9, threads: ThreadBudget(threads: i + 1)) != expected {
                mismatches.add(1, ordering: .relaxed)
            }
        }
        #expect(mismatches.load(ordering: .relaxed) == 0)
    }

    @Test func gatherIsTheSameOnOneAndTwoThreads() {
        let big = Reference.random([3000, 100], seed: 33)
        var g = SeededGenerator(seed: 34)
        let many = (0..<3000).map { _ in Int32(g.next() % 3000) }
        let (one, two) = onOneAndTwoThreads { gatherRows(big, indices: many, threads: $0) }
        #expect(one == two)
        for (i, row) in many.enumerated() where i % 97 == 0 {
            #expect(
                Array(two.scalars[(i * 100)..<(i * 100 + 100)])
                    == Array(big.scalars[(Int(row) * 100)..<(Int(row) * 100 + 100)]))
        }
    }

    @Test(arguments: Reduction.allCases)
    func neighbourhoodReduceAndBackwardAreTheSameOnOneAndTwoThreads(reduce: Reduction) {
        let big = Reference.random([2048 * 20, 16], seed: 43)
        let g = Reference.random([2048, 16], seed: 44)
        let (one, two) = onOneAndTwoThreads { threads -> (Tensor, [Int32]?, Tensor) in
            let (output, argmax) = neighbourhoodReduce(big, k: 20, reduce: reduce, threads: threads)
            return (
                output, argmax,
                neighbourhoodReduceBackward(g, k: 20, reduce: reduce, argmax: argmax, threads: threads)
            )
        }
        #expect(one.0 == two.0)
        #expect(one.1 == two.1)
        #expect(one.2 == two.2)
    }

    /// Shapes large enough that `gemm` cuts C into parts: rows (m ≥ n) and columns (n > m).
    static let splitShapes: [(Int, Int, Int)] = [(300, 120, 120), (40, 200, 600)]

    @Test(arguments: splitShapes)
    func gemmSplitAcrossThreadsIsTheSameAsOneThreadAndMatchesTheReference(shape: (Int, Int, Int)) {
        let (m, k, n) = shape
        for transposeA in [false, true] {
            for transposeB in [false, true] {
                let a = Reference.random(transposeA ? [k, m] : [m, k], seed: 71)
                let b = Reference.random(transposeB ? [n, k] : [k, n], seed: 72)
                let c0 = Reference.random([m, n], seed: 73)
                let (one, two) = onOneAndTwoThreads { threads -> Tensor in
                    var c = c0
                    gemm(
                        a, b, into: &c, alpha: 0.5, beta: 1, transposeA: transposeA, transposeB: transposeB,
                        threads: threads)
                    return c
                }
                #expect(one == two, "transposeA \(transposeA) transposeB \(transposeB)")
                guard !transposeA && !transposeB else { continue }
                // Tolerance: Float32 against a Double triple loop, |error| ≤ 1e-5 · k (see MatmulTests).
                let ab = Reference.matmul(a, b)
                let expected = (0..<(m * n)).map { 0.5 * ab[$0] + Double(c0.scalars[$0]) }
                #expect(Reference.maxDifference(two.scalars, expected) <= 1e-5 * Double(k))
            }
        }
    }

    @Test func batchedMatmulIsTheSameOnOneAndTwoThreads() {
        let a = Reference.random([8, 64, 96], seed: 74)
        let b = Reference.random([8, 96, 80], seed: 75)
        let (one, two) = onOneAndTwoThreads { batchedMatmul(a, b, threads: $0) }
        #expect(one == two)
    }
}
