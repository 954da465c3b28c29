import Synchronization
import Testing

@testable import Workbench

/// A clock that a test moves by hand.
final class ManualClock: Sendable {
    let time = Mutex(0.0)
    func advance(_ seconds: Double) { time.withLock { $0 += seconds } }
    var read: @Sendable () -> Double { { [self] in time.withLock { $0 } } }
}

/// Collects what a renderer writes.
final class Collected: Sendable {
    let texts = Mutex<[String]>([])
    var all: [String] { texts.withLock { $0 } }
    var write: @Sendable (String) -> Void { { [self] text in texts.withLock { $0.append(text) } } }
}

@Suite struct ProgressRendererTests {
    @Test func shortWorkShowsNothing() {
        let clock = ManualClock()
        let out = Collected()
        let renderer = ProgressRenderer(label: "w", isTerminal: true, clock: clock.read, write: out.write)
        for step in 1...10 {
            clock.advance(0.05)
            renderer.report(step, 10, "")
        }
        #expect(out.all.isEmpty)
    }

    @Test func terminalShowsABarWithRateAndEtaAndEndsTheLine() {
        let clock = ManualClock()
        let out = Collected()
        let renderer = ProgressRenderer(label: "train", isTerminal: true, clock: clock.read, write: out.write)
        clock.advance(2)
        renderer.report(5, 20, "loss 1.5")
        clock.advance(6)
        renderer.report(20, 20, "")
        #expect(out.all[0] == "\r\u{1B}[K" + "train [#####---------------] 25% 5/20 2.5/s ETA 6s loss 1.5")
        #expect(out.all[1] == "\r\u{1B}[K" + "train [####################] 100% 20/20 2.5/s\n")
    }

    @Test func plainOutputPrintsALineEveryFewSecondsWithoutControlCharacters() {
        let clock = ManualClock()
        let out = Collected()
        let renderer = ProgressRenderer(label: "sleep", isTerminal: false, clock: clock.read, write: out.write)
        for step in 1...80 {
            clock.advance(0.125)  // exact in binary, so the 1 s and 5 s thresholds fall on a step
            renderer.report(step, 80, "")
        }
        #expect(out.all.count == 3)  // at 1 s, at 6 s, and the final line at 10 s
        #expect(out.all[0] == "sleep 10% 8/80 8.0/s ETA 9s\n")
        #expect(out.all[1] == "sleep 60% 48/80 8.0/s ETA 4s\n")
        #expect(out.all.allSatisfy { !$0.contains("\u{1B}") && !$0.contains("\r") })
        #expect(out.all.last == "sleep 100% 80/80 8.0/s\n")
    }

    @Test func unknownTotalShowsCountAndRate() {
        let clock = ManualClock()
        let out = Collected()
        let renderer = ProgressRenderer(label: "scan", isTerminal: false, clock: clock.read, write: out.write)
        clock.advance(4)
        renderer.report(8, 0, "")
        #expect(out.all == ["scan 8 2.0/s\n"])
    }

    @Test func colourOnlyOnATerminalAndNeverWithNoColor() {
        #expect(Console.standard(isTerminal: true, environment: [:]).usesColor)
        #expect(!Console.standard(isTerminal: true, environment: ["NO_COLOR": "1"]).usesColor)
        #expect(!Console.standard(isTerminal: false, environment: [:]).usesColor)
        #expect(Console.standard(isTerminal: true, environment: ["NO_COLOR": ""]).usesColor)  // empty means unset
    }

    @Test func finishEndsABarLeftOpenOnlyOnce() {
        let clock = ManualClock()
        let out = Collected()
        let renderer = ProgressRenderer(label: "w", isTerminal: true, clock: clock.read, write: out.write)
        clock.advance(2)
        renderer.report(1, 10, "")
        renderer.finish()
        renderer.finish()
        #expect(out.all.count == 2)
        #expect(out.all.last == "\n")
    }
}
