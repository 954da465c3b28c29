import Foundation
import Tensor

// Benchmark of the Tensor kernels (release build, run by scripts/bench/tensor).
// Prints one line per case: "<case>\t<threads>\t<median wall ms>\t<median CPU ms>", medians of `runs` timed
// runs after warm-up. TENSOR_BENCH_RUNS and TENSOR_BENCH_THREADS (e.g. "1,2") override the defaults;
// TENSOR_BENCH_FILTER runs only the cases whose name contains it (e.g. "knn B=1 ").

let runs = Int(ProcessInfo.processInfo.environment["TENSOR_BENCH_RUNS"] ?? "") ?? 21
let warmUp = 3

/// Nanoseconds of CPU time used by the whole process so far (all threads).
func processCPUNanoseconds() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

/// Median wall time and median process CPU time in milliseconds of `runs` calls of `body`, after `warmUp`
/// untimed calls. CPU time shows what the work cost when other processes share the cores.
func medianMilliseconds(_ body: () -> Void) -> (wall: Double, cpu: Double) {
    for _ in 0..<warmUp { body() }
    var wall = [Double]()
    var cpu = [Double]()
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = processCPUNanoseconds()
        body()
        cpu.append(Double(processCPUNanoseconds() - cpuStart) / 1e6)
        wall.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    wall.sort()
    cpu.sort()
    return (wall[wall.count / 2], cpu[cpu.count / 2])
}

/// Only cases whose name contains this text run (all when unset).
let filter = ProcessInfo.processInfo.environment["TENSOR_BENCH_FILTER"] ?? ""

/// Whether the case called `name` runs.
func selected(_ name: String) -> Bool { filter.isEmpty || name.contains(filter) }

/// Prints one result line: case, threads, median wall ms, median CPU ms.
func report(_ name: String, _ threads: Int, _ times: (wall: Double, cpu: Double)) {
    print("\(name)\t\(threads)\t\(String(format: "%.3f", times.wall))\t\(String(format: "%.3f", times.cpu))")
}

/// Keeps results alive so the optimiser cannot drop the work.
nonisolated(unsafe) var sink: Int = 0

var generator = SeededGenerator(seed: 2024)
let threadCounts = (ProcessInfo.processInfo.environment["TENSOR_BENCH_THREADS"] ?? "1,2").split(separator: ",")
    .compactMap { Int($0) }
for threadCount in threadCounts {
    let threads = ThreadBudget(threads: threadCount)
    for (batch, channels) in [(1, 3), (1, 64), (16, 3), (16, 64)] {
        let points = Tensor.randomNormal([batch, 1024, channels], generator: &generator)
        let name = "knn B=\(batch) N=1024 C=\(channels) k=20"
        guard selected(name) else { continue }
        report(name, threadCount, medianMilliseconds { sink &+= Int(knn(points: points, k: 20, threads: threads)[5]) })
    }
    for (m, k, n) in [(1024, 64, 64), (16384, 128, 128)] {
        let a = Tensor.randomNormal([m, k], generator: &generator)
        let b = Tensor.randomNormal([k, n], generator: &generator)
        var c = Tensor.zeros([m, n])
        let name = "matmul \(m)x\(k)x\(n)"
        guard selected(name) else { continue }
        let times = medianMilliseconds {
            gemm(a, b, into: &c, threads: threads)
            sink &+= Int(c.scalars[1])
        }
        report(name, threadCount, times)
    }
    // The EdgeConv hot path at DGCNN size: gather 1024·20 neighbour rows of 64 channels, then max over k.
    let features = Tensor.randomNormal([1024, 64], generator: &generator)
    let neighbours = knn(points: features.reshaped([1, 1024, 64]), k: 20, threads: threads)
    if selected("gather 20480x64") {
        let gatherTimes = medianMilliseconds {
            sink &+= Int(gatherRows(features, indices: neighbours, threads: threads).scalars[3])
        }
        report("gather 20480x64", threadCount, gatherTimes)
    }
    let messages = gatherRows(features, indices: neighbours, threads: threads)
    if selected("neighbourhood max 20480x64 k=20") {
        let reduceTimes = medianMilliseconds {
            sink &+= Int(neighbourhoodReduce(messages, k: 20, reduce: .max, threads: threads).output.scalars[3])
        }
        report("neighbourhood max 20480x64 k=20", threadCount, reduceTimes)
    }
}
if sink == 42 { print("") }
