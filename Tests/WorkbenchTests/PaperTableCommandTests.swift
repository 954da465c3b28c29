import Foundation
import Testing

@testable import Workbench

/// A shell with tiny splits `d` (2 classes, 32 points) and a small space `s` for them.
private func paperShell(directory: String) -> (Shell, TextBuffer) {
    let (shell, buffer) = capturingShell(directory: directory)
    let status = shell.execute(
        "make shapes classes=2 train=4 test=3 points=32 seed=5 as d; space small points=32 classes=2 as s")
    #expect(status == 0, "\(buffer.text)")
    buffer.text = ""
    return (shell, buffer)
}

@Suite struct PaperTableCommandTests {
    @Test func theTableMeasuresEveryRowAgainstDGCNNDeviceOnlyAndRendersIt() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (shell, buffer) = paperShell(directory: directory)
        #expect(
            shell.execute(
                "paper table on d in s systems=pi-i7 bandwidths=10,100 seeds=2 epochs=1 batch=4 supernet=1 "
                    + "samples=4 generations=1 children=2 requests=2 repeat=1 budget=1s,2s profiles=prof report=out/t.md seed=3 as t"
            )
                == 0, "\(buffer.text)")
        let table = try #require(shell.session.value(named: "t") as? PaperTable)
        #expect(FileManager.default.fileExists(atPath: directory + "/prof/pi-i7-p32-k4-c2.h5"))
        let report = try String(contentsOfFile: directory + "/out/t.md", encoding: .utf8)
        #expect(report == table.markdown + "\n")
        for bandwidth in [10.0, 100.0] {
            let rows = table.rows(system: "pi-i7", bandwidth: bandwidth)
            #expect(
                rows.map(\.kind) == [
                    .dgcnnDeviceOnly, .dgcnnEdgeOnly, .dgcnnBestSplit, .pointNetDeviceOnly, .pointNetBestSplit, .tandem,
                    .tandem,
                ], "\(rows.map(\.kind))")
            let deviceOnly = try #require(rows.first { $0.kind == .dgcnnDeviceOnly })
            let edgeOnly = try #require(rows.first { $0.kind == .dgcnnEdgeOnly })
            let best = try #require(rows.first { $0.kind == .dgcnnBestSplit })
            for row in rows {
                #expect(row.measured.latency > 0 && row.measured.requests == 2, "\(row)")
                // The speed-up is DGCNN device-only's median over the row's, computed here by hand.
                let expected = deviceOnly.measured.latency / row.measured.latency
                #expect(abs(row.speedup - expected) <= 1e-12 * expected, "\(row.kind)")
                let reduction = 1 - row.measured.energy / deviceOnly.measured.energy
                #expect(abs(row.energyReduction - reduction) <= 1e-12, "\(row.kind)")
                #expect(row.accuracy.values.count == 2)
            }
            #expect(abs(deviceOnly.speedup - 1) < 1e-12)
            // Edge-only sends the raw points: the device does (almost) no compute.
            #expect(edgeOnly.measured.device < 0.05 * deviceOnly.measured.device, "\(edgeOnly.measured)")
            #expect(edgeOnly.measured.uplink > 0 && deviceOnly.measured.uplink == 0)
            #expect(best.measured.latency <= deviceOnly.measured.latency)
            #expect(best.measured.latency <= edgeOnly.measured.latency)
            let tandems = rows.filter { $0.kind == .tandem }
            #expect(tandems.map(\.budget) == [1, 2])
            let tandem = try #require(tandems.first)
            #expect(tandem.holdsBudget == (tandem.measured.latency <= 1))
            #expect(tandem.inheritedAccuracy != nil && (tandem.predictedLatency ?? 0) > 0)
            // Sample standard deviation of the two seeds' accuracies, by hand: |a − b| / √2.
            let values = tandem.accuracy.values
            let std = abs(values[0] - values[1]) / 2.0.squareRoot()
            #expect(abs(tandem.accuracy.standardDeviation - std) <= 1e-12)
            #expect(abs(tandem.accuracy.mean - (values[0] + values[1]) / 2) <= 1e-12)
        }
        let search = try #require(table.searches.first)
        #expect(search.system == "pi-i7" && search.candidates == 6 && search.budgets == [1, 2] && search.unmet.isEmpty)
        #expect(search.secondsToBest > 0 && search.secondsToBest <= search.wallSeconds)
        buffer.text = ""
        #expect(shell.execute("show t") == 0)
        let tableLines = buffer.text.split(separator: "\n").filter { $0.hasPrefix("| pi-i7 |") }
        #expect(tableLines.count == 14, "\(buffer.text)")
        #expect(tableLines.filter { $0.contains("| Tandem |") }.count == 4)
        // 13 columns: 14 unescaped `|` on every row, the architecture's own `|` escaped.
        for line in tableLines {
            let separators = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            #expect(separators == 14, "\(line)")
        }
        #expect(buffer.text.contains("search on pi-i7: budgets 1.00 s, 2.00 s, 6 candidates"), "\(buffer.text)")
        #expect(buffer.text.contains("goal on pi-i7: "), "\(buffer.text)")
        #expect(buffer.text.contains("seeds 3,4"), "\(buffer.text)")
        #expect(buffer.text.contains("scored on 25 % of each class's training clouds held out"), "\(buffer.text)")
    }

    @Test(arguments: [
        ("systems=pi-i7,nano", "no system named 'nano'"),
        ("systems=pi-i7,pi-i7", "named twice"),
        ("bandwidths=10,fast", "'fast' is not a bandwidth"),
        ("bandwidths=10,-4", "is not a bandwidth"),
        ("seeds=1", "at least 2 training seeds"),
        ("budget=soon", "'soon' is not a budget"),
        ("budget=0x", "is not a budget"),
        ("budget=45x,", "'' is not a budget"),
        ("validation=1", "hold out a share between 0 and 1"),
    ])
    func badArgumentsFailBeforeAnyTraining(argument: String, message: String) throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (shell, buffer) = paperShell(directory: directory)
        #expect(shell.execute("paper table on d in s \(argument) as t") == 1)
        #expect(buffer.text.contains(message), "\(buffer.text)")
        #expect(shell.session.value(named: "t") == nil)
    }

    @Test func dataWithoutATestSplitOrOfAnotherSizeIsRefused() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (shell, buffer) = paperShell(directory: directory)
        #expect(shell.execute("space small points=64 classes=2 as s64; paper table on d in s64 as t") == 1)
        #expect(buffer.text.contains("32 points per cloud, the space 64"), "\(buffer.text)")
    }

    @Test func accuracyStatsAreTheMeanAndSampleStandardDeviation() {
        // 0.5, 0.75, 1.0: mean 0.75; squared deviations 1/16, 0, 1/16 over n − 1 = 2 → variance 1/16, std 0.25.
        let stats = AccuracyStats([0.5, 0.75, 1.0])
        #expect(abs(stats.mean - 0.75) < 1e-15)
        #expect(abs(stats.standardDeviation - 0.25) < 1e-15)
        #expect(stats.text == "75.0 ± 25.0")
        #expect(AccuracyStats([0.9]).standardDeviation == 0)
    }
}
