import Foundation
import Testing

@testable import Workbench

/// Notebook output lines compare numbers to the precision they are written with (plus a tolerance), mask
/// times, and still catch real changes.
@Suite struct OutputTemplateTests {
    @Test func decimalsMatchWithinOneUnitOfTheirLastWrittenDigit() {
        #expect(OutputMatcher.matches("loss 0.696 (32 clouds)", "loss 0.696 (32 clouds)"))
        #expect(OutputMatcher.matches("loss 0.696 (32 clouds)", "loss 0.697 (32 clouds)"))
        #expect(OutputMatcher.matches("loss 0.696 (32 clouds)", "loss 0.695 (32 clouds)"))
        #expect(!OutputMatcher.matches("loss 0.696 (32 clouds)", "loss 0.698 (32 clouds)"))
        #expect(!OutputMatcher.matches("loss 0.696 (32 clouds)", "loss 1.392 (32 clouds)"))
        #expect(OutputMatcher.matches("test 84.4% overall", "test 84.5% overall"))
        #expect(!OutputMatcher.matches("test 84.4% overall", "test 87.5% overall"))
    }

    @Test func integersMustBeEqualAndTextMustBeEqual() {
        #expect(!OutputMatcher.matches("dgcnn, 1800068 parameters", "dgcnn, 1800069 parameters"))
        #expect(!OutputMatcher.matches("(32 clouds)", "(33 clouds)"))
        #expect(!OutputMatcher.matches("loss 0.696 (32 clouds)", "loss 0.696 (32 cloud)"))
        #expect(!OutputMatcher.matches("a 1", "a 1 b"))
        #expect(OutputMatcher.matches("pos3 fc1 3→32 1.24e+06", "pos3 fc1 3→32 1.24e+06"))
        #expect(!OutputMatcher.matches("pos3", "pos4"), "digits glued to a word are text")
    }

    @Test func aToleranceMarkerWidensEveryNumberOnItsLine() {
        let line = "epoch 1/4  loss 1.588  train 32.8%  {time} (~15%)"
        #expect(OutputMatcher.matches(line, "epoch 1/4  loss 1.584  train 34.4%  0.52s"))
        #expect(OutputMatcher.matches(line, "epoch 1/4  loss 1.780  train 28.1%  12.07s"))
        #expect(!OutputMatcher.matches(line, "epoch 1/4  loss 3.176  train 32.8%  0.52s"), "loss doubled")
        #expect(!OutputMatcher.matches(line, "epoch 2/4  loss 1.588  train 32.8%  0.52s"), "1/4 stays exact")
        #expect(OutputMatcher.matches("gap 0.50 (~±0.25)", "gap 0.74"))
        #expect(!OutputMatcher.matches("gap 0.50 (~±0.25)", "gap 0.77"))
        #expect(OutputMatcher.matches("odd (~x)", "odd (~x)"), "a marker that does not parse is text")
    }

    @Test func placeholdersMatchTimesRatesNumbersAndAnything() {
        #expect(OutputMatcher.matches("time: wall {time}, cpu {time}", "time: wall 0.012s, cpu 1.500s"))
        #expect(OutputMatcher.matches("eta {time}", "eta 3m05s"))
        #expect(OutputMatcher.matches("took {time}", "took 12 ms"))
        #expect(!OutputMatcher.matches("took {time}", "took 12 parsecs"))
        #expect(OutputMatcher.matches("{rate} throughput", "9.1 clouds/s throughput"))
        #expect(OutputMatcher.matches("energy {num} J", "energy 0.0312 J"))
        #expect(OutputMatcher.matches("path {*} end", "path /tmp/x y/z end"))
    }

    @Test func runMasksTimesAndKeepsMarkersSoRunThenCheckPasses() {
        let merged = OutputMatcher.merge(
            expected: ["epoch 1/2  loss 1.000  {time} (~10%)", "old"],
            actual: ["epoch 1/2  loss 2.000  0.41s", "time: wall 0.012s, cpu 0.020s", "rate 3.5/s"])
        #expect(merged == ["epoch 1/2  loss 2.000  {time} (~10%)", "time: wall {time}, cpu {time}", "rate {rate}"])
        #expect(
            OutputMatcher.matches(
                expected: merged, actual: ["epoch 1/2  loss 2.100  9.99s", "time: wall 1.000s, cpu 2.000s", "rate 9/s"])
        )
        let kept = OutputMatcher.merge(expected: ["loss 0.696 {time}"], actual: ["loss 0.697 3.1s"])
        #expect(kept == ["loss 0.696 {time}"], "a line that still matches is kept as written")
    }

    @Test func aNotebookWhoseLossDoubledFailsItsCheck() throws {
        let source = """
            ```tandem
            make shapes classes=sphere,cube train=3 test=2 points=16 seed=1 as d
            train pointnet on d epochs=2 batch=3 lr=0.01 seed=5 as m
            ```
            """
        let runner = NotebookRunner()
        let ran = runner.run(try Notebook(parsing: source + "\n", file: "n.md"), path: "n.md")
        #expect(runner.check(ran, path: "n.md").isEmpty, "run then check passes")
        let output = try #require(ran.blocks.first?.output)
        let epoch = try #require(output.firstIndex { $0.hasPrefix("epoch 1/2") })
        #expect(output[epoch].contains("{time}"), "the epoch time is masked: \(output[epoch])")
        let loss = try #require(
            output[epoch].split(separator: " ").firstIndex(of: "loss").map { index in
                Double(output[epoch].split(separator: " ")[index + 1]) ?? 0
            })
        let doubled = output[epoch].replacingOccurrences(
            of: "loss " + String(format: "%.3f", loss), with: "loss " + String(format: "%.3f", 2 * loss))
        #expect(doubled != output[epoch])
        var broken = ran
        broken.segments = ran.segments.map { segment in
            guard case .block(var block) = segment else { return segment }
            block.output?[epoch] = doubled
            return .block(block)
        }
        let mismatches = runner.check(broken, path: "n.md")
        #expect(mismatches.count == 1)
        #expect(mismatches.first?.diff.contains("- " + doubled) == true)
    }
}
