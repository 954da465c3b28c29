import CDNNL
import Foundation
import Tensor

// gemm-bench: the GEMM libraries side by side at Tandem's shapes (run by scripts/bench/gemm, release build).
// For every shape and 1 and 2 threads, prints the median time and GFLOP/s of:
//   tandem      Tensor.gemm with a ThreadBudget (oneDNN dnnl_sgemm on one thread per part, parts shared by the
//               budget's workers): what Tandem runs;
//   dnnl-omp    dnnl_sgemm with oneDNN's own OpenMP threading (omp_set_num_threads on the calling thread);
//   openblas    OpenBLAS cblas_sgemm with its own threads (openblas_set_num_threads), and "+split": one thread,
//               rows (or columns) cut in two over Tandem's workers;
//   blis        BLIS cblas_sgemm with its own threads (bli_thread_set_num_threads), and "+split" likewise.
// Environment: GEMM_BENCH_FILTER (shape text), GEMM_BENCH_THREADS (default "1,2"), GEMM_BENCH_PEERS (default
// "openblas,blis"; empty for oneDNN only). OpenBLAS reads OPENBLAS_CORETYPE when it loads (forced kernels).

struct Shape {
    let m: Int
    let k: Int
    let n: Int
    let transposeA: Bool
    let transposeB: Bool
    let note: String

    var text: String { "\(m)x\(k)x\(n)\(transposeA ? " TN" : transposeB ? " NT" : "")" }
    var flops: Double { 2 * Double(m) * Double(n) * Double(k) }
}

/// DGCNN's products: EdgeConv projections (1024 points; batch 16 = 16384 rows), the embedding, their
/// backward forms, the head, and the kNN distance tiles.
let shapes: [Shape] = [
    Shape(m: 16384, k: 128, n: 128, transposeA: false, transposeB: false, note: "issue 8 goal"),
    Shape(m: 1024, k: 3, n: 64, transposeA: false, transposeB: false, note: "edge1 batch 1"),
    Shape(m: 1024, k: 64, n: 64, transposeA: false, transposeB: false, note: "edge2 batch 1"),
    Shape(m: 1024, k: 64, n: 128, transposeA: false, transposeB: false, note: "edge3 batch 1"),
    Shape(m: 1024, k: 128, n: 256, transposeA: false, transposeB: false, note: "edge4 batch 1"),
    Shape(m: 1024, k: 512, n: 1024, transposeA: false, transposeB: false, note: "embed batch 1"),
    Shape(m: 1024, k: 1024, n: 512, transposeA: false, transposeB: false, note: "1024x1024x512"),
    Shape(m: 16384, k: 3, n: 64, transposeA: false, transposeB: false, note: "edge1 batch 16"),
    Shape(m: 16384, k: 64, n: 64, transposeA: false, transposeB: false, note: "edge2 batch 16"),
    Shape(m: 16384, k: 128, n: 256, transposeA: false, transposeB: false, note: "edge4 batch 16"),
    Shape(m: 16384, k: 512, n: 1024, transposeA: false, transposeB: false, note: "embed batch 16"),
    Shape(m: 512, k: 16384, n: 1024, transposeA: true, transposeB: false, note: "embed weight grad"),
    Shape(m: 16384, k: 1024, n: 512, transposeA: false, transposeB: true, note: "embed input grad"),
    Shape(m: 16, k: 2048, n: 512, transposeA: false, transposeB: false, note: "head fc1"),
    Shape(m: 16, k: 1024, n: 512, transposeA: false, transposeB: false, note: "head 16x1024x512"),
    Shape(m: 16, k: 512, n: 256, transposeA: false, transposeB: false, note: "head fc2"),
    Shape(m: 128, k: 64, n: 128, transposeA: false, transposeB: true, note: "kNN tile C=64"),
]

AllocatorPolicy.keepFreedMemory()
let environment = ProcessInfo.processInfo.environment
let filter = environment["GEMM_BENCH_FILTER"] ?? ""
let threadCounts = (environment["GEMM_BENCH_THREADS"] ?? "1,2").split(separator: ",").compactMap { Int($0) }

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

/// The median seconds of `body` over enough runs for about 0.3 s (5…41), after 2 warm-ups.
func median(flops: Double, _ body: () -> Void) -> Double {
    body()
    body()
    let runs = max(5, min(41, Int(0.3 / max(flops / 100e9, 1e-6))))
    var times = [Double]()
    for _ in 0..<runs {
        let start = now()
        body()
        times.append(now() - start)
    }
    times.sort()
    return times[times.count / 2]
}

func randomMatrix(_ count: Int, seed: UInt64) -> [Float] {
    var g = SeededGenerator(seed: seed)
    return (0..<count).map { _ in 2 * g.nextUniform() - 1 }
}

/// Calls `body(m, rows offset)` for two halves of the rows of C on two workers (one when `threads` is 1).
func splitRows(_ m: Int, threads: ThreadBudget, _ body: @Sendable (Int, Int) -> Void) {
    let parts = threads.threads > 1 && m >= 2 ? 2 : 1
    threads.forEachChunk(count: parts, work: parts, threshold: 2) { _, range in
        for part in range {
            let lo = m * part / parts
            let hi = m * (part + 1) / parts
            body(hi - lo, lo)
        }
    }
}

let wantedPeers = (environment["GEMM_BENCH_PEERS"] ?? "openblas,blis").split(separator: ",").map(String.init)
let peers = [
    wantedPeers.contains("openblas") ? PeerLibrary.openBLAS() : nil,
    wantedPeers.contains("blis") ? PeerLibrary.blis() : nil,
].compactMap { $0 }
print("cpu: \(cpuModel())")
print("tandem: \(GEMMKernel.description), one thread per part, parts shared by the caller's ThreadBudget")
for peer in peers { print("\(peer.name): \(peer.kernel)") }
if peers.count < wantedPeers.count {
    print("(OpenBLAS or BLIS not installed: scripts/bench/gemm installs libopenblas0 libblis4)")
}

var columns = ["tandem", "dnnl-omp"]
for peer in peers { columns += [peer.name, peer.name + "+split"] }
print(
    "shape".padding(toLength: 20, withPad: " ", startingAt: 0) + " thr "
        + columns.map { $0.padding(toLength: 16, withPad: " ", startingAt: 0) }.joined() + "note")
for shape in shapes where filter.isEmpty || shape.text.contains(filter) {
    let (m, k, n) = (shape.m, shape.k, shape.n)
    let a = randomMatrix(m * k, seed: 1)
    let b = randomMatrix(k * n, seed: 2)
    let aTensor = Tensor(shape: shape.transposeA ? [k, m] : [m, k], scalars: a)
    let bTensor = Tensor(shape: shape.transposeB ? [n, k] : [k, n], scalars: b)
    var cTensor = Tensor.zeros([m, n])
    var c = [Float](repeating: 0, count: m * n)
    let lda = shape.transposeA ? m : k
    let ldb = shape.transposeB ? k : n
    let ta: CChar = CChar(UInt8(ascii: shape.transposeA ? "T" : "N"))
    let tb: CChar = CChar(UInt8(ascii: shape.transposeB ? "T" : "N"))
    for threadCount in threadCounts {
        let budget = ThreadBudget(threads: threadCount)
        var seconds = [Double]()
        seconds.append(
            median(flops: shape.flops) {
                gemm(
                    aTensor, bTensor, into: &cTensor, transposeA: shape.transposeA, transposeB: shape.transposeB,
                    threads: budget)
            })
        seconds.append(
            median(flops: shape.flops) {
                _ = tandem_sgemm_openmp(
                    Int32(threadCount), ta, tb, m, n, k, 1, a, lda, b, ldb, 0, &c, n)
            })
        for peer in peers {
            peer.setThreads(threadCount)
            seconds.append(
                median(flops: shape.flops) {
                    peer.gemm(
                        101, shape.transposeA ? 112 : 111, shape.transposeB ? 112 : 111, Int32(m), Int32(n), Int32(k),
                        1,
                        a, Int32(lda), b, Int32(ldb), 0, &c, Int32(n))
                })
            peer.setThreads(1)
            let gemmFunction = peer.gemm
            seconds.append(
                median(flops: shape.flops) {
                    a.withUnsafeBufferPointer { pa in
                        c.withUnsafeMutableBufferPointer { pc in
                            guard let aBase = pa.baseAddress, let cBase = pc.baseAddress else { return }
                            nonisolated(unsafe) let (pa, pb, pc) = (aBase, b, cBase)
                            splitRows(m, threads: budget) { rows, offset in
                                gemmFunction(
                                    101, shape.transposeA ? 112 : 111, shape.transposeB ? 112 : 111, Int32(rows),
                                    Int32(n), Int32(k), 1, pa + (shape.transposeA ? offset : offset * lda), Int32(lda),
                                    pb, Int32(ldb), 0, pc + offset * n, Int32(n))
                            }
                        }
                    }
                })
        }
        let cells = seconds.map { s -> String in
            let text = String(format: "%.3fms %3.0fGF", s * 1000, shape.flops / s / 1e9)
            return text.padding(toLength: 16, withPad: " ", startingAt: 0)
        }
        print(
            shape.text.padding(toLength: 20, withPad: " ", startingAt: 0) + " \(threadCount)   " + cells.joined()
                + shape.note)
    }
}
var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
print(
    String(format: "process CPU: user %.1f s, system %.1f s (system well under user: no idle spinning)", user, system))

/// The CPU's model name from /proc/cpuinfo.
func cpuModel() -> String {
    let text = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let line = text.split(separator: "\n").first { $0.hasPrefix("model name") }
    return line.map { String($0.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces) }
        ?? "unknown"
}
