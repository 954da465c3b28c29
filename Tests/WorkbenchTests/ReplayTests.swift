import Foundation
import Testing
import Tensor

@testable import Workbench

@Suite struct ReplayTests {
    @Test func savedSessionReplaysToIdenticalState() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (shell, _) = capturingShell(interactive: true, directory: directory)
        for line in [
            "set seed=9", "ma sh classes=3 train=2 test=1 points=16 as toy", "show toy", "list", "lod typo",
            "set seed=4 threads=2", "make shapes classes=sphere,cube train=1 test=1 points=8 rotation=full as b",
            "export b to b.h5", "open b.h5 as b2", "load b.h5/train", "help",
        ] {
            shell.execute(line)
        }
        #expect(shell.execute("save replay.tandem") == 0)
        let script = try AtomicFile.read(directory + "/replay.tandem")
        let (replay, output) = capturingShell(directory: directory)
        let outcome = replay.runScript(script, file: "replay.tandem")
        #expect(outcome.failures == 0, "\(output.text)")
        #expect(replay.session.names == ["toy", "b", "b2", "b_train"])
        #expect(replay.session.hasSameState(as: shell.session))
    }

    @Test func recorderSpellsOutCanonicalNamesSeedsAndDefaultsAndSkipsQueries() {
        let (shell, _) = capturingShell(interactive: true)
        shell.execute("set seed=3; ma sh classes=2 train=1 test=1 points=4; show shapes; list; history; lod x")
        #expect(
            shell.session.recordedLines() == [
                "set seed=3",
                "make shapes classes=2 train=1 test=1 points=4 noise=0.01 jitter=0.2 deform=0.15 rotation=z seed=3 as shapes",
            ])
        #expect(shell.session.history.map(\.typed) == ["set seed=3", "ma sh classes=2 train=1 test=1 points=4", "show shapes", "list", "history", "lod x"])
    }

    @Test func differentSeedsGiveDifferentStateSoTheComparisonCanFail() {
        let (a, _) = capturingShell()
        let (b, _) = capturingShell()
        a.execute("make shapes classes=2 train=1 test=1 points=8 seed=1")
        b.execute("make shapes classes=2 train=1 test=1 points=8 seed=2")
        #expect(!a.session.hasSameState(as: b.session))
    }

    @Test func saveRangeSelectsByHistoryNumber() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (shell, buffer) = capturingShell(directory: directory)
        shell.execute("set seed=1")
        shell.execute("set seed=2")
        shell.execute("list")
        shell.execute("set threads=3")
        shell.execute("save part.tandem 2-")
        #expect(buffer.text.hasSuffix("saved 2 commands to part.tandem\n"))
        let lines = try AtomicFile.read(directory + "/part.tandem").split(separator: "\n").dropFirst()
        #expect(Array(lines) == ["set seed=2", "set threads=3"])
    }

    @Test func runReplaysAScriptInTheSessionAndRecordsItsCommands() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try AtomicFile.write("set seed=5\n# comment\n\nset threads=2\n", to: directory + "/s.tandem")
        let (shell, _) = capturingShell(directory: directory)
        #expect(shell.execute("run s.tandem") == 0)
        #expect(shell.session.settings["seed"] == .integer(5))
        #expect(shell.session.recordedLines() == ["set seed=5", "set threads=2"])
    }

    @Test func scriptStopsAtFirstErrorWithFileLineAndColumnUnlessKeepGoing() {
        let script = "set seed=2\nset seed=x\nset threads=4\n"
        let (shell, buffer) = capturingShell()
        #expect(shell.runScript(script, file: "s.tandem").failures == 1)
        #expect(shell.session.settings["threads"] == .integer(2))
        #expect(
            buffer.text == """
                s.tandem:2:10: error: expected a whole number for seed, got 'x'
                    set seed=x
                             ^

                """)
        let (going, _) = capturingShell()
        #expect(going.runScript(script, file: "s.tandem", keepGoing: true).failures == 1)
        #expect(going.session.settings["threads"] == .integer(4))
    }

    @Test func checkResolvesNamesWithoutRunning() {
        let (shell, buffer) = capturingShell()
        let problems = shell.check(
            "make shapes classes=2 as a\nshow a\nexport b to x.h5\nload nowhere.h5\nshow nowhere\n", file: "c.tandem")
        // The missing file of line 4 is a problem too (issue 9, item 14).
        #expect(problems == 2)
        #expect(shell.session.names.isEmpty)
        #expect(buffer.text.hasPrefix("c.tandem:3:8: error: no value named 'b' is defined before this point"))
        #expect(buffer.text.contains("c.tandem:4:6: error: no such file 'nowhere.h5'"), "\(buffer.text)")
    }

    @Test func emptyLinesDoNothingAndTranscriptPromptsAreStripped() {
        let (shell, buffer) = capturingShell()
        #expect(shell.execute("") == 0)
        #expect(shell.execute("   ") == 0)
        #expect(shell.session.history.isEmpty)
        #expect(shell.execute("tandem> set seed=6") == 0)
        #expect(shell.execute("tandem (a b)> set threads=2") == 0)
        #expect(shell.session.settings["seed"] == .integer(6))
        #expect(shell.session.settings["threads"] == .integer(2))
        #expect(buffer.text.isEmpty)
    }

    @Test func quitStopsTheScript() {
        let (shell, _) = capturingShell()
        let outcome = shell.runScript("set seed=2\nquit\nset seed=3\n", file: "q.tandem")
        #expect(outcome.quit)
        #expect(shell.session.settings["seed"] == .integer(2))
    }

    @Test func outputRedirectsResultsToAFileAndBack() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (shell, buffer) = capturingShell(directory: directory)
        shell.execute("output out.txt; show settings; output; list")
        let file = try AtomicFile.read(directory + "/out.txt")
        #expect(file.hasPrefix("setting  value"))
        #expect(buffer.text.hasPrefix("no named values yet"))
    }

    @Test func timerPrintsWallAndCpuTimeAfterEachCommand() {
        let (shell, buffer) = capturingShell()
        shell.execute("timer on; set seed=2; set seed=4; timer off; set seed=3")
        let lines = buffer.text.split(separator: "\n")
        #expect(lines.count == 2)  // after the two commands between `timer on` and `timer off`
        #expect(lines.allSatisfy { OutputMatcher.matches(#"time: wall \d+\.\d{3}s, cpu \d+\.\d{3}s (re)"#, String($0)) })
    }

    @Test func cancellingStopsLongWorkWithAnError() {
        let (shell, buffer) = capturingShell(interactive: true)
        shell.cancellation.cancel()
        // run() resets the flag, so cancel from another thread while the command sleeps.
        let flag = shell.cancellation
        Thread.detachNewThread {
            usleep(100_000)
            flag.cancel()
        }
        let start = Date()
        #expect(shell.execute("sleep 5s") == 1)
        #expect(Date().timeIntervalSince(start) < 2)
        #expect(buffer.text == "error: cancelled\n")
    }
}
