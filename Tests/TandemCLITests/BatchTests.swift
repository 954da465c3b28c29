import Foundation
import Testing

@Suite struct BatchTests {
    @Test func scriptThatSucceedsExitsZero() throws {
        let directory = Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "set seed=3\nshow settings\n".write(toFile: directory + "/ok.tandem", atomically: true, encoding: .utf8)
        let result = try Binary.run(["ok.tandem"], directory: directory)
        #expect(result.status == 0)
        #expect(result.stdout.contains("seed     3"))
        #expect(result.stderr.isEmpty)
    }

    @Test func firstErrorStopsWithFileLineColumnAndExitOne() throws {
        let directory = Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "set seed=3\nset  thraeds=2\nshow settings\n".write(
            toFile: directory + "/bad.tandem", atomically: true, encoding: .utf8)
        let result = try Binary.run(["bad.tandem"], directory: directory)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr == """
                bad.tandem:2:6: error: unknown key 'thraeds' for set; did you mean 'threads'?
                    set  thraeds=2
                         ^

                """)
    }

    @Test func keepGoingRunsEverythingAndStillExitsOne() throws {
        let directory = Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "set seed=x\nshow settings\n".write(toFile: directory + "/bad.tandem", atomically: true, encoding: .utf8)
        let result = try Binary.run(["--keep-going", "bad.tandem"], directory: directory)
        #expect(result.status == 1)
        #expect(result.stdout.contains("seed     1"))
    }

    @Test(arguments: [["--nope"], ["a", "b"], ["-c"], ["notebook"], ["check"]])
    func wrongUseOfTandemExits64(arguments: [String]) throws {
        let result = try Binary.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("tandem: "))
        #expect(result.stdout.isEmpty)
    }

    @Test func missingScriptExitsOne() throws {
        let result = try Binary.run(["/nonexistent/x.tandem"])
        #expect(result.status == 1)
        #expect(result.stderr == "error: /nonexistent/x.tandem: no such file\n")
    }

    @Test func pipedInputRunsAsAScriptAndTranscriptPromptsAreAccepted() throws {
        let result = try Binary.run([], input: "tandem> set seed=8\n\nshow settings\nlod\n")
        #expect(result.status == 1)
        #expect(result.stdout.contains("seed     8"))
        #expect(result.stderr.hasPrefix("<stdin>:4:1: error: unknown command 'lod'; did you mean 'load'?"))
    }

    @Test func dashCRunsCommandsAndEchoPrintsThem() throws {
        let result = try Binary.run(["-c", "set seed=2; show settings", "--echo"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("tandem> set seed=2\ntandem> show settings\nsetting  value"))
    }

    @Test func checkResolvesWithoutRunning() throws {
        let directory = Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "make shapes as s\nexport s to out.h5\nshow t\n".write(
            toFile: directory + "/c.tandem", atomically: true, encoding: .utf8)
        let result = try Binary.run(["check", "c.tandem"], directory: directory)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("c.tandem:3:6: error: no value named 't' is defined before this point"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/out.h5"))
    }

    @Test func helpDashHAndDashDashHelpPrintTheSame() throws {
        let outputs = try [["help"], ["-h"], ["--help"]].map { try Binary.run($0) }
        #expect(outputs.allSatisfy { $0.status == 0 })
        #expect(outputs[0].stdout == outputs[1].stdout)
        #expect(outputs[0].stdout == outputs[2].stdout)
        #expect(outputs[0].stdout.hasPrefix("usage: tandem"))
        let verb = try Binary.run(["help", "make", "shapes"])
        #expect(verb.stdout.hasPrefix("usage: make shapes"))
    }

    @Test func notebookRunWritesOutputsAndCheckFailsWithADiffAfterAnEdit() throws {
        let directory = Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/n.md"
        try "# N\n\n```tandem\nset seed=5\nshow settings\n```\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try Binary.run(["notebook", "check", path]).status == 1)
        #expect(try Binary.run(["notebook", "run", path]).status == 0)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.contains("```output\nsetting  value  meaning\nseed     5"))
        #expect(try Binary.run(["notebook", "check", path]).status == 0)
        try written.replacingOccurrences(of: "seed=5", with: "seed=6").write(toFile: path, atomically: true, encoding: .utf8)
        let failed = try Binary.run(["notebook", "check", path])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("\(path):4: error: output differs (- expected, + actual)"))
        #expect(failed.stderr.contains("- seed     5"))
        #expect(failed.stderr.contains("+ seed     6"))
    }

    @Test func noColorOrPipeMeansNoEscapeSequences() throws {
        let result = try Binary.run(["-c", "lod"], environment: ["NO_COLOR": "1"])
        #expect(!result.stderr.contains("\u{1B}"))
    }
}
