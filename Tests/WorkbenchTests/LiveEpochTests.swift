import Foundation
import Testing

@testable import Workbench

/// A console that records, with every line, whether the model `p` was already in the session.
final class OrderRecorder: @unchecked Sendable {
    var shell: Shell?
    var lines: [(text: String, modelDefined: Bool)] = []
}

@Suite struct LiveEpochTests {
    @Test func trainPrintsEachEpochAsItEndsWithTestAccuracyAndAnETA() throws {
        let recorder = OrderRecorder()
        let console = Console(isTerminal: false, usesColor: false, showsProgress: true) { text, stream in
            guard stream == .output else { return }
            let defined = recorder.shell?.session.value(named: "p") != nil
            for line in text.split(separator: "\n") { recorder.lines.append((String(line), defined)) }
        }
        let shell = Shell(console: console)
        recorder.shell = shell
        #expect(shell.execute("make shapes classes=2 train=2 test=2 points=16 seed=3 as d") == 0)
        #expect(shell.execute("train pointnet on d epochs=2 batch=2 as p") == 0)
        let epochs = recorder.lines.filter { $0.text.hasPrefix("epoch ") }
        #expect(epochs.count == 2, "\(recorder.lines)")
        // Printed while training ran: the model is only defined once training ends.
        #expect(epochs.allSatisfy { !$0.modelDefined }, "\(recorder.lines)")
        #expect(epochs[0].text.contains("  test "), "\(epochs[0].text)")
        #expect(epochs[0].text.contains("  ETA "), "\(epochs[0].text)")
        #expect(!epochs[1].text.contains("ETA"), "\(epochs[1].text)")
        // The last epoch's test accuracy is the final evaluation's.
        let final = try #require(recorder.lines.last?.text)
        let percent = try #require(final.split(separator: " ").dropFirst(2).first)
        #expect(
            epochs[1].text.contains("  test \(percent)  ") || epochs[1].text.hasSuffix("  test \(percent)"),
            "\(final) vs \(epochs[1].text)")
    }

    @Test func supernetTrainShowsAnETAWhileEpochsRemain() throws {
        var lines: [String] = []
        let console = Console(isTerminal: false, usesColor: false, showsProgress: true) { text, stream in
            if stream == .output { lines += text.split(separator: "\n").map(String.init) }
        }
        let shell = Shell(console: console)
        #expect(
            shell.execute(
                "make shapes classes=2 train=2 test=1 points=16 as d; space small points=16 k=4 as s; "
                    + "supernet new in s epochs=2 batch=2 as sn; supernet train sn on d") == 0, "\(lines)")
        let epochs = lines.filter { $0.hasPrefix("epoch ") }
        #expect(epochs.count == 2)
        #expect(epochs[0].contains("  ETA "), "\(epochs)")
        #expect(!epochs[1].contains("ETA"), "\(epochs)")
    }
}
