import Foundation
import Tensor

// Benchmark of the Tensor kernels (release build, run by scripts/bench/tensor).
// Prints one line per case: "<case>\t<threads>\t<median ms>", medians of `runs` timed runs after warm-up.

let runs = Int(ProcessInfo.processInfo.environment["TENSOR_BENCH_RUNS"] ?? "") ?? 21
let warmUp = 3

/// Median wall time in milliseconds of `runs` calls of `body` after `warmUp` untimed calls.
func medianMilliseconds(_ body: () -> Void) -> Double {
    for _ in 0..<warmUp { body() }
    var times = [Double]()
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    times.sort()
    return times[times.count / 2]
}

/// Keeps results alive so the optimiser cannot drop the work.
nonisolated(unsafe) var sink: Int = 0

var generator = SeededGenerator(seed: 2024)
let threadCounts = (ProcessInfo.processInfo.environment["TENSOR_BENCH_THREADS"] ?? "1,2").split(separator: ",")
    .compactMap { Int($0) }
for threads in threadCounts {
    Parallelism.threads = threads
    for (batch, channels) in [(1, 3), (1, 64), (16, 3), (16, 64)] {
        let points = Tensor.randomNormal([batch, 1024, channels], generator: &generator)
        let ms = medianMilliseconds { sink &+= Int(knn(points: points, k: 20)[5]) }
        print("knn B=\(batch) N=1024 C=\(channels) k=20\t\(threads)\t\(String(format: "%.3f", ms))")
    }
    for (m, k, n) in [(1024, 64, 64), (16384, 128, 128)] {
        let a = Tensor.randomNormal([m, k], generator: &generator)
        let b = Tensor.randomNormal([k, n], generator: &generator)
        var c = Tensor.zeros([m, n])
        let ms = medianMilliseconds {
            gemm(a, b, into: &c)
            sink &+= Int(c.scalars[1])
        }
        print("matmul \(m)x\(k)x\(n)\t\(threads)\t\(String(format: "%.3f", ms))")
    }
    // The EdgeConv hot path at DGCNN size: gather 1024·20 neighbour rows of 64 channels, then max over k.
    let features = Tensor.randomNormal([1024, 64], generator: &generator)
    let neighbours = knn(points: features.reshaped([1, 1024, 64]), k: 20)
    let gatherMs = medianMilliseconds { sink &+= Int(gatherRows(features, indices: neighbours).scalars[3]) }
    print("gather 20480x64\t\(threads)\t\(String(format: "%.3f", gatherMs))")
    let messages = gatherRows(features, indices: neighbours)
    let reduceMs = medianMilliseconds {
        sink &+= Int(neighbourhoodReduce(messages, k: 20, reduce: .max).output.scalars[3])
    }
    print("neighbourhood max 20480x64 k=20\t\(threads)\t\(String(format: "%.3f", reduceMs))")
}
if sink == 42 { print("") }
