import Dispatch
import Synchronization
import Testing
import Tensor

/// Every test that changes the process-wide thread count lives in this one serialized suite, and each
/// restores the count it found; results of the kernels must not depend on the count.
@Suite(.serialized) struct ParallelismTests {
    /// Runs `body` once with 1 thread and once with 2, restoring the previous count.
    func onOneAndTwoThreads<R>(_ body: () -> R) -> (one: R, two: R) {
        let saved = Parallelism.threads
        defer { Parallelism.threads = saved }
        Parallelism.threads = 1
        let one = body()
        Parallelism.threads = 2
        let two = body()
        return (one, two)
    }

    @Test func threadCountIsAtLeastOneAndRoundTrips() {
        let saved = Parallelism.threads
        defer { Parallelism.threads = saved }
        Parallelism.threads = 0
        #expect(Parallelism.threads == 1)
        Parallelism.threads = 3
        #expect(Parallelism.threads == 3)
    }

    @Test func knnIsTheSameOnOneAndTwoThreads() {
        // 4 samples × 300 points: above the parallel threshold, several row blocks per sample.
        for channels in [8, 24] {
            let points = Reference.random([4, 300, channels], seed: UInt64(channels))
            let (one, two) = onOneAndTwoThreads { knn(points: points, k: 10) }
            #expect(one == two)
            #expect(one == bruteForceKNN(points, samples: 4, k: 10))
        }
    }

    @Test func singleSampleWideKNNSharesTilesAndRowsAmongThreads() {
        // One sample, fewer than the threads: the tiles and then the rows of its distance matrix are split.
        let points = Reference.random([1, 300, 24], seed: 45)
        let (one, two) = onOneAndTwoThreads { knn(points: points, k: 12) }
        #expect(one == two)
        #expect(one == bruteForceKNN(points, samples: 1, k: 12))
    }

    @Test func concurrentCallersGetTheSameNeighboursAsOneCaller() {
        // Four callers at once (as two co-inference sides in one process would), each nesting its own workers.
        let points = Reference.random([2, 200, 24], seed: 46)
        let expected = knn(points: points, k: 9)
        let mismatches = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            if knn(points: points, k: 9) != expected { mismatches.add(1, ordering: .relaxed) }
        }
        #expect(mismatches.load(ordering: .relaxed) == 0)
    }

    @Test func gatherIsTheSameOnOneAndTwoThreads() {
        let big = Reference.random([3000, 100], seed: 33)
        var g = SeededGenerator(seed: 34)
        let many = (0..<3000).map { _ in Int32(g.next() % 3000) }
        let (one, two) = onOneAndTwoThreads { gatherRows(big, indices: many) }
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
        let (one, two) = onOneAndTwoThreads { () -> (Tensor, [Int32]?, Tensor) in
            let (output, argmax) = neighbourhoodReduce(big, k: 20, reduce: reduce)
            return (output, argmax, neighbourhoodReduceBackward(g, k: 20, reduce: reduce, argmax: argmax))
        }
        #expect(one.0 == two.0)
        #expect(one.1 == two.1)
        #expect(one.2 == two.2)
    }
}
