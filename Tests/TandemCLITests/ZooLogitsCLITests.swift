import Foundation
import HDF5
import Testing

@Suite struct ZooLogitsCLITests {
    @Test func aFreshProcessGivesBitIdenticalLogitsForARetrainedZooMember() throws {
        let directory = Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let setup = try Binary.run(
            ["-c", Binary.tinyZooScript(bandwidths: "10", then: "zoo retrain z on d epochs=1 batch=2 seed=2; ")],
            directory: directory)
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
