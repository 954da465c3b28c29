import Foundation
import Testing

/// Drives `tandem` through a pseudo-terminal with Python's `pty` module: sends keys, waits for text.
enum PTYDriver {
    /// The driver: argv[1] is the binary, argv[2] a JSON list of [keys, text to wait for]; prints the
    /// transcript, then a line `EXIT <status>`.
    static let script = #"""
        import json, os, pty, select, sys, time
        binary, steps = sys.argv[1], json.loads(sys.argv[2])
        pid, fd = pty.fork()
        if pid == 0:
            os.execv(binary, [binary])
        transcript = b""
        def wait_for(text, timeout=20):
            global transcript
            deadline = time.time() + timeout
            while text.encode() not in transcript:
                left = deadline - time.time()
                if left <= 0:
                    raise SystemExit("timed out waiting for %r; transcript: %r" % (text, transcript))
                ready, _, _ = select.select([fd], [], [], left)
                if ready:
                    try:
                        chunk = os.read(fd, 4096)
                    except OSError:
                        break
                    if not chunk:
                        break
                    transcript += chunk
        for keys, expect in steps:
            if keys:
                time.sleep(0.1)
                os.write(fd, keys.encode())
            if expect:
                wait_for(expect)
        while True:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            transcript += chunk
        _, status = os.waitpid(pid, 0)
        sys.stdout.write(transcript.decode(errors="replace"))
        sys.stdout.write("\nEXIT %d\n" % os.waitstatus_to_exitcode(status))
        """#

    /// Runs the steps with `HOME` set to `home`; returns the transcript (ending in `EXIT n`).
    static func run(
        _ steps: [(keys: String, expect: String)], home: String, noColor: Bool = false, cLocale: Bool = false
    ) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let json = try JSONSerialization.data(withJSONObject: steps.map { [$0.keys, $0.expect] })
        process.arguments = ["python3", "-c", script, Binary.path, String(decoding: json, as: UTF8.self)]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home
        environment["TERM"] = "xterm"
        environment["NO_COLOR"] = noColor ? "1" : nil
        if cLocale {
            for key in environment.keys where key.hasPrefix("LC_") { environment[key] = nil }
            environment["LANG"] = "C"
        }
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: home)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

@Suite(.serialized) struct PTYTests {
    @Test func tabCompletesVerbsKeysAndNamesAndCtrlCCancelsWithoutKillingTheREPL() throws {
        let home = Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let transcript = try PTYDriver.run(
            [
                ("", "tandem> "),
                ("ma\tsh\tcla\t2 train=1 test=1 points=8 as toy\r", "toy: point-cloud splits"),
                ("show t\t\r", "per class"),
                ("sleep 30s\r", "sleep ["),  // the progress bar shows that the command runs
                ("\u{03}", "error:"),
                ("lod\r", "did you mean 'load'?"),
                ("\u{04}", ""),
            ], home: home)
        #expect(transcript.contains("toy: point-cloud splits, train 2 + test 2 clouds × 8 points, 2 classes"), "\(transcript)")
        #expect(transcript.contains("toy: point-cloud splits\r\ntrain:"), "\(transcript)")
        #expect(transcript.contains("tandem (toy)> "), "\(transcript)")
        #expect(transcript.contains("ETA "), "\(transcript)")
        #expect(transcript.contains("\u{1B}[31merror:\u{1B}[0m cancelled"), "\(transcript)")
        #expect(transcript.hasSuffix("EXIT 0\n"), "\(transcript)")
    }

    @Test func historyIsKeptInTheHomeFileWithoutConsecutiveDuplicatesAndRecalledNextTime() throws {
        let home = Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let first = try PTYDriver.run(
            [
                ("", "tandem> "),
                ("set seed=4\r", "tandem> "),
                ("show settings\r", "seed     4"),
                ("\u{1B}[A\r", "tandem> "),
                ("show settings\r", "tandem> "),
                ("quit\r", ""),
            ], home: home)
        #expect(first.hasSuffix("EXIT 0\n"), "\(first)")
        let history = try String(contentsOfFile: home + "/.tandem_history", encoding: .utf8)
        let entries = history.split(separator: "\n").filter { !$0.hasPrefix("_HiStOrY") }
        #expect(entries == ["set\\040seed=4", "show\\040settings", "quit"], "\(history)")
        let second = try PTYDriver.run(
            [
                ("", "tandem> "),
                ("\u{1B}[A\u{1B}[A\u{1B}[A\r", "tandem> "),
                ("show settings\r", "seed     4"),
                ("\u{04}", ""),
            ], home: home)
        #expect(second.hasSuffix("EXIT 0\n"), "\(second)")
    }

    @Test(arguments: [false, true])
    func utf8NamesPathsAndTheEllipsisPromptSurviveTheLineEditor(cLocale: Bool) throws {
        let home = Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: home) }
        try FileManager.default.createDirectory(
            atPath: home + "/dir with space/ünï 数据", withIntermediateDirectories: true)
        let transcript = try PTYDriver.run(
            [
                ("", "tandem> "),
                ("make shapes classes=2 train=1 test=1 points=8 as a\r", "a: point-cloud splits"),
                ("space small as b\r", "b: design space"),
                ("space small as c\r", "c: design space"),
                ("space small as données\r", "données: design space"),
                ("export a to \"dir with space/ünï 数据/tëst 0.h5\"\r", "tandem (… "),
                ("load \"dir with space/ünï 数据/tëst 0.h5\" as é\r", "é: point-cloud splits"),
                ("list\r", "tandem (… "),
                ("\u{04}", ""),
            ], home: home, cLocale: cLocale)
        #expect(transcript.contains("tandem (… c données é)> list"), "\(transcript)")
        #expect(FileManager.default.fileExists(atPath: home + "/dir with space/ünï 数据/tëst 0.h5"), "\(transcript)")
        #expect(transcript.hasSuffix("EXIT 0\n"), "\(transcript)")
    }

    @Test func tabCompletesPathsWithSpacesQuotedAndInsideAnOpenQuote() throws {
        let home = Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: home) }
        try FileManager.default.createDirectory(
            atPath: home + "/dir with space/ünï 数据", withIntermediateDirectories: true)
        let transcript = try PTYDriver.run(
            [
                ("", "tandem> "),
                ("make shapes classes=2 train=1 test=1 points=8 as a\r", "a: point-cloud splits"),
                ("export a to \"dir with space/ünï 数据/tëst 0.h5\"\r", "wrote a"),
                ("load di\t", "\"dir with space/"),
                ("\u{15}load \"dir with space/ü\t", "数据/"),
                ("t\t", "0.h5\" "),
                ("as b\r", "b: point-cloud splits"),
                ("\u{04}", ""),
            ], home: home)
        #expect(transcript.contains("b: point-cloud splits, train 2 + test 2 clouds"), "\(transcript)")
        #expect(transcript.hasSuffix("EXIT 0\n"), "\(transcript)")
    }

    @Test func noColorTurnsOffColourOnATerminal() throws {
        let home = Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let transcript = try PTYDriver.run(
            [("", "tandem> "), ("lod\r", "did you mean 'load'?"), ("\u{04}", "")], home: home, noColor: true)
        #expect(transcript.contains("\nerror: unknown command 'lod'"), "\(transcript)")
        #expect(!transcript.contains("\u{1B}[31m"), "\(transcript)")
    }
}
