import Foundation
import HDF5
import Testing

@Suite struct ZooLogitsCLITests {
    @Test func aFreshProcessGivesBitIdenticalLogitsForARetrainedZooMember() throws {
        let directory = Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let setup = try Binary.run(
            [
                "-c",
                "make shapes classes=2 train=4 test=3 points=64 seed=5 as d; space small modes=DE,E classes=2 as s; "
                    + "supernet new in s epochs=1 batch=4 seed=7 as sn; supernet train sn on d; "
                    + "profile pi-i7 in s repeat=1 warmup=0 as t; "
                    + "search sn on d cost=t latency<=1s bandwidths=10 samples=4 children=2 seed=3 "
                    + "generations=0 measure=0 as z; zoo retrain z on d epochs=1 batch=2 seed=2; "
                    + "export z to z.h5; export d to d.h5",
            ], directory: directory)
        try #require(setup.status == 0, "\(setup.stdout)\n\(setup.stderr)")
        let member = "lat1000ms_bw10"

        // Each run is a fresh device process against a fresh edge process.
        var logits: [[Float]] = []
        var port = ""
        for run in 0..<2 {
            let (edge, _, started, listening) = try Binary.startEdge(["z.h5"], directory: directory)
            defer {
                if edge.isRunning { edge.terminate() }
                edge.waitUntilExit()
            }
            try #require(!listening.isEmpty, "edge log: \(started)")
            port = listening
            let result = try Binary.run(
                [
                    "device", "--edge", "127.0.0.1:\(port)", "--model", "z.h5", "--member", member, "--data",
                    "d.h5/test", "--cpu", "none", "--n", "3", "--quiet", "--logits", "logits\(run).h5",
                ], directory: directory)
            #expect(result.status == 0, "\(result.stderr)")
            let file = try HDF5File.open(directory + "/logits\(run).h5")
            defer { file.close() }
            let read = try file.read(Float.self, at: "logits")
            #expect(read.shape == [3, 2])
            #expect(try file.readIntegers(at: "predictions").values.count == 3)
            logits.append(read.values)
        }
        #expect(logits[0].map(\.bitPattern) == logits[1].map(\.bitPattern), "\(logits)")
        #expect(logits[0].allSatisfy(\.isFinite) && Set(logits[0]).count > 1)

        // --logits runs one model, not the dispatcher (the arguments are refused before connecting).
        let dispatch = try Binary.run(
            [
                "device", "--edge", "127.0.0.1:\(port)", "--model", "z.h5", "--data", "d.h5/test", "--dispatch",
                "--budget", "1s", "--logits", "x.h5",
            ], directory: directory)
        #expect(dispatch.status == 64 && dispatch.stderr.contains("--logits needs one model"), "\(dispatch.stderr)")
    }
}
