import Foundation
import Testing

@Suite struct CoInferenceCLITests {
    /// Commands that train a one-epoch DGCNN `m` on tiny shapes `toy` and export `m.h5` and `toy.h5`.
    static let toyDGCNN =
        "make shapes classes=3 train=4 test=2 points=32 seed=1 as toy; "
        + "train dgcnn on toy epochs=1 batch=4 k=4 as m; export m to m.h5; export toy to toy.h5"

    @Test func edgeServesADeviceProcessAndSIGTERMDrainsAndExitsZero() throws {
        let directory = Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let setup = try Binary.run(["-c", Self.toyDGCNN], directory: directory)
        #expect(setup.status == 0, "\(setup.stderr)")

        let (edge, log, started, port) = try Binary.startEdge(["m.h5"], directory: directory)
        defer { if edge.isRunning { edge.terminate() } }
        var text = started
        let found = try #require(port.isEmpty ? nil : port, "edge log: \(text)")

        let device = try Binary.run(
            [
                "device", "--edge", "127.0.0.1:\(found)", "--model", "m.h5", "--data", "toy.h5/test", "--split", "2",
                "--n", "3", "--cpu", "none",
            ], directory: directory)
        #expect(device.status == 0, "\(device.stderr)")
        #expect(device.stdout.contains("dgcnn split 2 on pi-i7"))
        #expect(device.stdout.contains("fallbacks 0"))
        #expect(device.stdout.split(separator: "\n").filter { $0.hasPrefix("#") }.count == 3)

        edge.terminate()  // SIGTERM
        edge.waitUntilExit()
        text += String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(edge.terminationStatus == 0)
        #expect(text.contains("draining") && text.contains("stopped after 3 requests"), "\(text)")
    }

    @Test func deviceSplitBestRunsEverySplitPointAndNamesTheFastest() throws {
        let directory = Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let setup = try Binary.run(["-c", Self.toyDGCNN], directory: directory)
        #expect(setup.status == 0, "\(setup.stderr)")
        let (edge, log, started, port) = try Binary.startEdge(["m.h5"], directory: directory)
        defer { if edge.isRunning { edge.terminate() } }
        let found = try #require(port.isEmpty ? nil : port, "edge log: \(started)")
        let arguments = [
            "device", "--edge", "127.0.0.1:\(found)", "--model", "m.h5", "--data", "toy.h5/test", "--n", "2",
            "--cpu", "none", "--bandwidth", "40",
        ]
        let device = try Binary.run(arguments + ["--split", "best"], directory: directory)
        #expect(device.status == 0, "\(device.stderr)")
        let lines = device.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("best split of dgcnn on pi-i7") == true, "\(device.stdout)")
        #expect(lines.first?.contains("40 Mbit/s") == true && lines.first?.contains("2 requests per split") == true)
        // One line per split point, 0 (edge-only) up to the layers (device-only), each with its median latency.
        let rows = lines.filter { $0.hasPrefix("split ") }
        try #require(rows.count >= 3, "\(device.stdout)")
        #expect(rows.first?.hasPrefix("split 0 (edge-only): sent ") == true)
        #expect(rows.last?.hasPrefix("split \(rows.count - 1) (device-only): sent 0 B") == true, "\(device.stdout)")
        func milliseconds(_ line: String, after key: String) throws -> Double {
            let rest = try #require(line.range(of: key)).upperBound
            let words = line[rest...].split(separator: " ")
            let value = try #require(Double(words[0].trimmingCharacters(in: CharacterSet(charactersIn: ","))))
            return words[1].hasPrefix("ms") ? value : value * 1000
        }
        let latencies = try rows.map { try milliseconds($0, after: "latency ") }
        let bestLine = try #require(lines.first { $0.hasPrefix("best: split ") }, "\(device.stdout)")
        let bestSplit = try #require(Int(bestLine.dropFirst("best: split ".count).prefix { $0.isNumber }))
        // The fastest printed median (printed to 0.1 ms, so a tie in print may go either way).
        #expect(latencies[bestSplit] <= (latencies.min() ?? 0) + 0.05, "\(device.stdout)")
        #expect(abs(try milliseconds(bestLine, after: "latency median ") - latencies[bestSplit]) < 1e-9)

        let wrong = try Binary.run(arguments + ["--split", "fastest"], directory: directory)
        #expect(wrong.status == 64 && wrong.stderr.contains("--split"), "\(wrong.stderr)")

        edge.terminate()
        edge.waitUntilExit()
        let text = started + String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        // Every split but device-only sent its 2 requests to this edge.
        #expect(text.contains("stopped after \(2 * (rows.count - 1)) requests"), "\(text)")
    }

    @Test func deviceWithoutAnEdgeAddressIsAUsageError() throws {
        let result = try Binary.run(["device", "--model", "m.h5"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--edge HOST:PORT is required"))
    }

    @Test func topLevelHelpListsEdgeAndDeviceAndTheirHelpMatchesTheirUsage() throws {
        let top = try Binary.run(["--help"])
        #expect(top.status == 0)
        for command in ["edge", "device"] {
            #expect(top.stdout.contains("tandem \(command) --help"), "tandem --help does not mention tandem \(command)")
            let help = try Binary.run([command, "--help"])
            #expect(help.status == 0)
            #expect(help.stdout.hasPrefix("usage: tandem \(command) "))
            #expect(help.stdout.contains("exit status:"))
            #expect(try Binary.run([command, "-h"]).stdout == help.stdout)
            // Every argument the overview names for the command is in the command's own usage.
            let overview = top.stdout.split(separator: "\n").first { $0.contains("tandem \(command) --") } ?? ""
            let flags = overview.split(separator: " ").map {
                $0.trimmingCharacters(in: CharacterSet(charactersIn: "()[]."))
            }
            let named = flags.filter { $0.hasPrefix("--") && $0 != "--help" }
            #expect(!named.isEmpty, "no argument of tandem \(command) in: \(overview)")
            for word in named {
                #expect(help.stdout.contains(word), "tandem \(command) --help lacks \(word)")
            }
        }
    }

    @Test func anUnknownFlagOfEdgeOrDeviceExits64NamingIt() throws {
        for command in ["edge", "device"] {
            let result = try Binary.run([command, "--bogus-flag", "1"])
            #expect(result.status == 64, "tandem \(command) --bogus-flag")
            #expect(result.stderr.contains("'--bogus-flag'"), "\(result.stderr)")
            #expect(result.stderr.contains("usage: tandem \(command)"))
        }
        let missing = try Binary.run(["edge", "--models", "m.h5", "--workers"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("--workers needs a value"), "\(missing.stderr)")
    }
}
