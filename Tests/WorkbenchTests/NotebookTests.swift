import Foundation
import Testing

@testable import Workbench

@Suite struct NotebookTests {
    let source = """
        # Title

        Some prose.

        ```tandem
        set seed=4
        show settings
        ```

        More prose.
        ```tandem
        lod x
        ```

        ```output
        stale
        ```
        """

    @Test func parsingAndRenderingRoundTrips() throws {
        let notebook = try Notebook(parsing: source + "\n", file: "n.md")
        #expect(notebook.blocks.count == 2)
        #expect(notebook.blocks[0].commands == ["set seed=4", "show settings"])
        #expect(notebook.blocks[0].firstLine == 6)
        #expect(notebook.blocks[0].output == nil)
        #expect(notebook.blocks[1].output == ["stale"])
        let complete = try Notebook(parsing: notebook.text, file: "n.md")
        #expect(try Notebook(parsing: complete.text, file: "n.md").text == complete.text)
    }

    @Test func runWritesEachBlocksOutputAndThenCheckPasses() throws {
        let notebook = try Notebook(parsing: source, file: "n.md")
        let runner = NotebookRunner()
        let updated = runner.run(notebook, path: "n.md")
        #expect(updated.blocks[0].output?.first == "setting  value  meaning")
        #expect(updated.blocks[0].output?[1].hasPrefix("seed     4") == true)
        #expect(
            updated.blocks[1].output == [
                "n.md:18:1: error: unknown command 'lod'; did you mean 'load'?", "    lod x", "    ^",
            ])
        #expect(updated.text.contains("More prose.\n```tandem\nlod x\n```\n\n```output\nn.md:18:1"))
        #expect(runner.check(updated, path: "n.md").isEmpty)
        #expect(runner.check(try Notebook(parsing: updated.text, file: "n.md"), path: "n.md").isEmpty)
        #expect(try Notebook(parsing: updated.text, file: "n.md") == updated)
    }

    @Test func checkFailsWithADiffWhenAnOutputDiffers() throws {
        let notebook = try Notebook(parsing: source, file: "n.md")
        let runner = NotebookRunner()
        var text = runner.run(notebook, path: "n.md").text
        text = text.replacingOccurrences(of: "seed     4", with: "seed     5")
        let mismatches = runner.check(try Notebook(parsing: text, file: "n.md"), path: "n.md")
        #expect(mismatches.count == 1, "\(mismatches)")
        #expect(mismatches[0].line == 6)
        #expect(mismatches[0].diff.contains { $0.hasPrefix("- seed     5") })
        #expect(mismatches[0].diff.contains { $0.hasPrefix("+ seed     4") })
        #expect(mismatches[0].diff.first == "  setting  value  meaning")
    }

    @Test func blockWithoutOutputFailsTheCheck() throws {
        let notebook = try Notebook(parsing: "```tandem\nlist\n```\n", file: "n.md")
        #expect(NotebookRunner().check(notebook, path: "n.md").count == 1)
    }

    @Test func regexLinesMatchTheWholeLineAndSurviveARun() throws {
        #expect(OutputMatcher.matches("time: wall \\d\\.\\d+s (re)", "time: wall 0.012s"))
        #expect(!OutputMatcher.matches("time: wall \\d\\.\\d+s (re)", "time: wall 0.012s!"))
        #expect(!OutputMatcher.matches("wall (re)", "time: wall"))
        #expect(OutputMatcher.matches("a (re) b", "a (re) b"))
        let text = "```tandem\ntimer on\nset seed=2\nset seed=3\n```\n\n```output\ntime: wall [0-9.]+s, cpu [0-9.]+s (re)\ntime: old\n```\n"
        let notebook = try Notebook(parsing: text, file: "n.md")
        let updated = NotebookRunner().run(notebook, path: "n.md")
        let output = try #require(updated.blocks[0].output)
        #expect(output[0] == "time: wall [0-9.]+s, cpu [0-9.]+s (re)")
        #expect(output[1] == "time: wall {time}, cpu {time}", "a line that no longer matches is written with its times masked")
    }

    @Test func unclosedFenceIsAnErrorNamingItsLine() {
        #expect(throws: ScriptError.self) { try Notebook(parsing: "text\n```tandem\nlist\n", file: "n.md") }
        do {
            _ = try Notebook(parsing: "text\n```tandem\nlist\n", file: "n.md")
        } catch {
            #expect(error.location == SourceLocation(file: "n.md", line: 2, column: 1))
        }
    }

    @Test func diffListsTheExpectedLinesOfAChangedRunBeforeTheActualOnes() {
        #expect(OutputMatcher.diff(expected: ["a", "b", "c", "e"], actual: ["a", "x", "y", "e"]) == ["  a", "- b", "- c", "+ x", "+ y", "  e"])
    }

    @Test func diffMarksOnlyTheChangedLines() {
        #expect(OutputMatcher.diff(expected: ["a", "b", "c"], actual: ["a", "x", "c", "d"]) == ["  a", "- b", "+ x", "  c", "+ d"])
    }
}
