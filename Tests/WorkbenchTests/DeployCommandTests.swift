import CoInference
import Foundation
import GNN
import Systems
import Testing

@testable import Workbench

/// A shell holding tiny shapes `toy` and a one-epoch DGCNN `m` trained on them, its buffer emptied.
private func toyDGCNNShell() -> (Shell, TextBuffer) {
    let (shell, buffer) = capturingShell()
    #expect(
        shell.execute(
            "make shapes classes=3 train=4 test=2 points=32 seed=1 as toy; train dgcnn on toy epochs=1 batch=4 k=4 as m"
        ) == 0, "\(buffer.text)")
    buffer.text = ""
    return (shell, buffer)
}

@Suite struct DeployCommandTests {
    @Test func systemAppliesEveryOverrideAndShowPrintsEveryNumberWithItsUnit() throws {
        let (shell, buffer) = capturingShell()
        let line = "system pi-i7 bandwidth=10mbit delay=20ms factor=8 threads=2 active=5 idle=2 send=3 receive=2.5 as s"
        #expect(shell.execute(line) == 0, "\(buffer.text)")
        let system = try #require(shell.session.value(named: "s") as? System)
        #expect(system.link.megabitsPerSecond == 10)
        #expect(abs(system.link.delay - 0.02) < 1e-12)
        #expect(system.device.factor == 8 && system.device.threads == 2)
        #expect(system.device.power == PowerProfile(active: 5, idle: 2, send: 3, receive: 2.5))
        buffer.text = ""
        #expect(shell.execute("show s") == 0)
        #expect(buffer.text.contains("slowdown factor 8 × this host, 2 threads"))
        #expect(buffer.text.contains("active 5 W, idle 2 W, send 3 W, receive 2.5 W"))
        #expect(buffer.text.contains("link: 10 Mbit/s (10⁶ bit/s) each way, one-way delay 20.0 ms"))
        buffer.text = ""
        #expect(shell.execute("system tx2-i7 schedule=10s:10mbit,20s:100mbit as t") == 0, "\(buffer.text)")
        let t = try #require(shell.session.value(named: "t") as? System)
        #expect(t.link.megabitsPerSecond(at: 5) == 40 && t.link.megabitsPerSecond(at: 15) == 10)
        #expect(t.link.megabitsPerSecond(at: 25) == 100)
        buffer.text = ""
        #expect(shell.execute("show t") == 0)
        #expect(buffer.text.contains("from 10.00 s: 10 Mbit/s"))
        buffer.text = ""
        #expect(shell.execute("system pi-i7 schedule=fast") == 1)
        #expect(buffer.text.contains("is not TIME:RATE"))
        buffer.text = ""
        #expect(shell.execute("system pi-i7 factor=0.5") == 1)
        #expect(buffer.text.contains("factor must be at least 1"))
    }

    @Test func coinferAnswersEveryRequestWithTheModelsOwnPredictions() throws {
        let (shell, buffer) = toyDGCNNShell()
        #expect(shell.execute("coinfer m on toy system=pi-i7 n=3 split=2") == 0, "\(buffer.text)")
        let lines = buffer.text.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("#") }.count == 3)
        #expect(lines.contains { $0.hasPrefix("dgcnn split 2 on pi-i7") && $0.contains("virtual clock") })
        #expect(lines.contains { $0.hasPrefix("latency median") })
        #expect(lines.contains { $0.contains("fallbacks 0") })
        buffer.text = ""
        #expect(shell.execute("coinfer m on toy split=99") == 1)
        #expect(buffer.text.contains("split points"))
        buffer.text = ""
        #expect(shell.execute("coinfer m on toy split=three") == 1)
        #expect(buffer.text.contains("or best, got 'three'"))
    }

    @Test func coinferDispatchChoosesAMemberPerRequestAndNamesIt() throws {
        let (shell, buffer) = toyDGCNNShell()
        #expect(
            shell.execute("coinfer m on toy system=pi-i7 n=4 dispatch=on members=m:0,m:2 budget=10s") == 0,
            "\(buffer.text)")
        let lines = buffer.text.split(separator: "\n").map(String.init)
        // The two members given and the model's device-only plan as the fallback, one row each.
        #expect(lines.contains { $0.hasPrefix("m:0 ") } && lines.contains { $0.hasPrefix("m:2 ") })
        #expect(lines.contains { $0.hasPrefix("m device-only ") })
        #expect(lines.filter { $0.hasPrefix("request ") }.count == 4, "\(buffer.text)")
        #expect(lines.contains { $0.hasPrefix("dispatch: 4 requests") }, "\(buffer.text)")
        buffer.text = ""
        #expect(shell.execute("coinfer m on toy n=2 dispatch=on members=m:0") == 1)
        #expect(buffer.text.contains("budget=100ms"), "\(buffer.text)")
        buffer.text = ""
        #expect(shell.execute("coinfer m on toy n=2 dispatch=on members=m:x budget=1s") == 1)
        #expect(buffer.text.contains("NAME:SPLIT"), "\(buffer.text)")
    }

    @Test func coinferSplitBestTriesEverySplitPointAndKeepsTheFastest() throws {
        let (shell, buffer) = toyDGCNNShell()
        #expect(shell.execute("coinfer m on toy system=pi-i7 n=2 split=best") == 0, "\(buffer.text)")
        let lines = buffer.text.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("best split of dgcnn on pi-i7") == true, "\(buffer.text)")
        // One row per layer boundary, 0 (edge-only) to 9 (device-only), then the fastest of them.
        let rows = lines.filter { $0.first?.isNumber == true }
        #expect(rows.map { $0.prefix { $0.isNumber } } == (0...9).map { Substring(String($0)) })
        #expect(rows.first?.contains("edge-only") == true && rows.last?.contains("device-only") == true)
        // The latency is the second duration of a row (after the uplink).
        let latencies = rows.compactMap { row -> Double? in
            let cells = row.split(separator: " ", omittingEmptySubsequences: true)
            guard let ms = cells.indices.filter({ cells[$0] == "ms" || cells[$0] == "s" }).dropFirst().first, ms > 0
            else { return nil }
            let value = Double(cells[ms - 1]) ?? .nan
            return cells[ms] == "s" ? value * 1000 : value
        }
        #expect(latencies.count == 10)
        let best = try #require(lines.last { $0.hasPrefix("best: split ") })
        let chosen = Int(best.dropFirst("best: split ".count).prefix { $0.isNumber }) ?? -1
        #expect(latencies.indices.contains(chosen) && latencies[chosen] == latencies.min(), "\(buffer.text)")
    }
}
