import Foundation
import HDF5
import Testing

/// Timing of the shapes generator, run only by `scripts/h5_bench_shapes.sh` (TANDEM_BENCH=1, release build).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["TANDEM_BENCH"] != nil))
struct ShapesBenchmark {
    static func median(_ body: () throws -> Void) rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<5 {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return times.sorted()[2]
    }

    @Test func generatingAndWritingTheDefaultSizedSetTakesWellUnderAFewSeconds() throws {
        let configuration = ShapesConfiguration(
            classes: Array(ShapeClass.allCases.prefix(10)), trainPerClass: 100, testPerClass: 0, points: 1024)
        let folder = try TemporaryFolder()
        var dataset: ShapesDataset?
        let generate = try Self.median { dataset = try ShapesDataset(configuration) }
        let write = try Self.median { try dataset?.write(to: folder.file("shapes.h5")) }
        let read = try Self.median { _ = try PointCloudSet.read(from: folder.file("shapes.h5") + "/train") }
        let bytes = (try FileManager.default.attributesOfItem(atPath: folder.file("shapes.h5"))[.size] as? Int) ?? 0
        print(
            String(
                format: "shapes 10 classes x 100 clouds x 1024 points: generate %.3f s, write (gzip 4) %.3f s, "
                    + "read %.3f s, file %.1f MB (median of 5)", generate, write, read, Double(bytes) / 1e6))
        #expect(generate < 3)
    }
}

/// Writes the default shapes set to `TANDEM_SHAPES_OUT` (for scripts/h5_shapes_difficulty.sh).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["TANDEM_SHAPES_OUT"] != nil))
struct ShapesExport {
    @Test func writesTheDefaultSetWhereAsked() throws {
        let path = ProcessInfo.processInfo.environment["TANDEM_SHAPES_OUT"] ?? ""
        var configuration = ShapesConfiguration()
        if let seed = ProcessInfo.processInfo.environment["TANDEM_SHAPES_SEED"].flatMap(UInt64.init) {
            configuration.seed = seed
        }
        try ShapesDataset(configuration).write(to: path)
    }
}
