import Design
import Foundation
import GNN
import HDF5
import Tensor
import Testing

@testable import Workbench

@Suite struct DesignCommandTests {
    static let paperExample = "1 5 3 2 3 2 1 2 0 2 2 4,2 0 0 6 0 6 4 6 0 6 6 3"

    @Test func spaceAppliesOverridesToThePreset() throws {
        let (shell, buffer) = capturingShell()
        #expect(shell.execute("space small k=3 widths=8,16 modes=D,DE as s") == 0, "\(buffer.text)")
        var expected = DesignSpace.small
        try expected.set("k", to: "3")
        try expected.set("widths", to: "8,16")
        try expected.set("modes", to: "D,DE")
        #expect(shell.session.value(named: "s") as? DesignSpace == expected)
        #expect(buffer.text.hasPrefix("s: design space custom, 6 positions, k 3, 64 points, 10 classes, "))
        buffer.text = ""
        #expect(shell.execute("space small k=x") == 1)
        #expect(buffer.text.hasPrefix("error: design space 'small': k needs an integer, got 'x'\n    space small k=x\n                  ^"))
    }

    @Test func archParseReadsBothFormsIntoTheSameArchitecture() throws {
        let (shell, buffer) = capturingShell()
        #expect(shell.execute("arch parse \"\(Self.paperExample)\" as a") == 0, "\(buffer.text)")
        let a = try #require(shell.session.value(named: "a") as? ArchitectureValue)
        let direct = try Architecture(datasetForm: Self.paperExample, in: .paper)
        #expect(a.architecture == direct)
        #expect(shell.execute("arch parse \"\(direct.text)\" as b") == 0)
        #expect((shell.session.value(named: "b") as? ArchitectureValue) == a)
        buffer.text = ""
        #expect(shell.execute("show a") == 0)
        #expect(buffer.text == "a: architecture\n" + (try direct.mapping(in: .paper)).drawing + "\n")
    }

    @Test func brokenRuleNamesRuleAndPositionWithTheCaretUnderIt() {
        let (shell, buffer) = capturingShell()
        shell.execute("space small as s")
        buffer.text = ""
        let (line, column) = marked("arch parse \"knn | pool(max) | 1️⃣agg(edgeconv,max) | combine(16) | comm | id\" in s")
        #expect(shell.execute(line) == 1)
        #expect(buffer.text.contains("error: position 2: "))
        #expect(buffer.text.contains("(rule graphOpAfterPool: "))
        #expect(buffer.text.hasSuffix("\n    " + String(repeating: " ", count: column - 1) + "^\n"))
        buffer.text = ""
        let (numbers, numberColumn) = marked("arch parse \"3 4 1️⃣2 2 3 2,0 0 0 6 0 6\" in s")
        #expect(shell.execute(numbers) == 1)
        #expect(buffer.text.contains("error: position 2: "))
        #expect(buffer.text.hasSuffix("\n    " + String(repeating: " ", count: numberColumn - 1) + "^\n"))
        buffer.text = ""
        let (syntax, syntaxColumn) = marked("arch parse \"knn | agg(rel,max) | 1️⃣combin(8) | pool(max) | id | id\" in s")
        #expect(shell.execute(syntax) == 1)
        #expect(buffer.text.hasPrefix("error: architecture text: unknown operation 'combin'"))
        #expect(buffer.text.hasSuffix("\n    " + String(repeating: " ", count: syntaxColumn - 1) + "^\n"))
    }

    @Test func archSampleMatchesTheSamplerAndPickMutateCrossoverKeepValidity() throws {
        let (shell, buffer) = capturingShell()
        #expect(shell.execute("space small as s; arch sample n=4 in s seed=9 as c") == 0, "\(buffer.text)")
        let list = try #require(shell.session.value(named: "c") as? ArchitectureList)
        var generator = SeededGenerator(seed: 9)
        #expect(list.architectures == (try ArchitectureSampler(space: .small)).sample(4, using: &generator))
        #expect(shell.execute("arch pick c 2 as b; arch pick c 3 as e") == 0)
        #expect((shell.session.value(named: "b") as? ArchitectureValue)?.architecture == list.architectures[1])
        #expect(shell.execute("arch mutate b seed=1 as m; arch crossover b e seed=2 as x") == 0, "\(buffer.text)")
        for name in ["m", "x"] {
            let value = try #require(shell.session.value(named: name) as? ArchitectureValue)
            #expect(value.architecture.isValid(in: .small))
        }
        buffer.text = ""
        #expect(shell.execute("arch pick c 5") == 1)
        #expect(buffer.text.hasPrefix("error: 'c' holds architectures 1 to 4"))
        buffer.text = ""
        #expect(shell.execute("arch mutate c") == 1)
        #expect(buffer.text.hasPrefix("error: 'c' holds 4 architectures: choose one with index=1…4"))
        #expect(shell.execute("arch sample n=2 in s mode=DE as de") == 0)
        let de = try #require(shell.session.value(named: "de") as? ArchitectureList)
        #expect(de.architectures.allSatisfy { $0.mode == .de })
    }

    @Test func supernetTrainMatchesTheSupernetCalledDirectly() throws {
        let (shell, buffer) = capturingShell()
        #expect(
            shell.execute(
                "make shapes classes=2 train=4 test=2 points=64 seed=5 as d; space small as s; "
                    + "supernet new in s epochs=2 batch=4 seed=7 as sn; supernet train sn on d") == 0, "\(buffer.text)")
        let trained = try #require(shell.session.value(named: "sn") as? SupernetValue)
        let data = try #require(shell.session.value(named: "d") as? PointCloudSplits)
        var direct = try Supernet(
            space: .small,
            options: SupernetOptions(
                training: TrainingOptions(
                    epochs: 2, batchSize: 4, optimizer: .adam(learningRate: 0.001, weightDecay: 1e-4),
                    minimumLearningRate: 1e-5, seed: 7)))
        let reports = try direct.train(on: data.train, threads: shell.threads)
        #expect(trained.isSame(as: SupernetValue(direct, classNames: data.train.classNames)))
        #expect(buffer.text.contains("epoch 2/2  loss " + NumberFormat.fixed(reports[1].loss, 3)))
        #expect(trained.supernet.epoch == 2)
    }

    @Test func supernetEvalAndExtractAgreeWithTheSupernet() throws {
        let (shell, buffer) = capturingShell()
        #expect(
            shell.execute(
                "make shapes classes=2 train=4 test=2 points=64 seed=5 as d; space small classes=2 as s; "
                    + "supernet new in s epochs=1 batch=4 as sn; supernet train sn on d; "
                    + "arch sample n=3 in s seed=2 as c") == 0, "\(buffer.text)")
        buffer.text = ""
        #expect(shell.execute("supernet eval sn c index=1 on d") == 0, "\(buffer.text)")
        let value = try #require(shell.session.value(named: "sn") as? SupernetValue)
        let data = try #require(shell.session.value(named: "d") as? PointCloudSplits)
        let list = try #require(shell.session.value(named: "c") as? ArchitectureList)
        var direct = value.supernet
        let score = try direct.evaluate(
            list.architectures[0], on: data.test, calibration: data.train, threads: shell.threads)
        #expect(buffer.text.hasPrefix("c: " + NumberFormat.fixed(score.accuracy * 100, 1) + "% overall"))
        buffer.text = ""
        #expect(shell.execute("supernet eval sn c on d") == 0)
        #expect(buffer.text.split(separator: "\n").count == 4)
        #expect(shell.execute("extract sn c index=1 as m") == 0, "\(buffer.text)")
        let model = try #require(shell.session.value(named: "m") as? ModelValue)
        let (points, _) = Batching.gather(data.test, indices: [0, 1])
        let fromSupernet = try value.supernet.logits(
            list.architectures[0], points: points, batch: 2, threads: shell.threads)
        guard case .architecture(var standalone) = model.network else {
            Issue.record("not an architecture model")
            return
        }
        var generator = SeededGenerator(seed: 0)
        let fromModel = standalone.forward(
            points, batch: 2, nodes: 64, training: false, generator: &generator, threads: shell.threads
        ).0
        let gap = zip(fromSupernet.scalars, fromModel.scalars).map { abs($0 - $1) }.max() ?? 1
        #expect(gap <= 1e-5, "extracted logits differ by \(gap)")
        #expect(shell.execute("eval m on d; train m on d epochs=1 batch=4; train c index=2 on d epochs=1 batch=4 as f") == 0)
    }

    @Test func supernetFileExportsLoadsAndResumesExactly() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (shell, buffer) = capturingShell(directory: directory)
        let setup =
            "make shapes classes=2 train=4 test=2 points=64 seed=5 as d; space small as s; "
            + "supernet new in s epochs=2 batch=4 as sn"
        #expect(shell.execute(setup) == 0)
        #expect(shell.execute("supernet train sn on d epochs=1 checkpoint=ck/sn.h5") == 0, "\(buffer.text)")
        #expect(shell.execute("load ck/sn.h5 as back") == 0, "\(buffer.text)")
        let first = try #require(shell.session.value(named: "sn") as? SupernetValue)
        let back = try #require(shell.session.value(named: "back") as? SupernetValue)
        #expect(back.supernet.store == first.supernet.store && back.supernet.epoch == 1)
        #expect(shell.execute("supernet train sn on d") == 0)
        let (other, otherBuffer) = capturingShell(directory: directory)
        #expect(other.execute(setup + "; supernet train sn on d resume=ck/sn.h5") == 0, "\(otherBuffer.text)")
        let resumed = try #require(other.session.value(named: "sn") as? SupernetValue)
        let straight = try #require(shell.session.value(named: "sn") as? SupernetValue)
        #expect(resumed.supernet.store == straight.supernet.store)
        #expect(otherBuffer.text.contains("sn: resumed at epoch 1 from ck/sn.h5"))
        #expect(shell.execute("export sn to sn.h5") == 0)
        #expect(Supernet.isSupernetFile(directory + "/sn.h5"))
    }

    @Test func designCommandsRejectWrongKindsAndSpaces() {
        let (shell, buffer) = capturingShell()
        shell.execute("make shapes classes=2 train=2 test=1 points=64 as d; space small as s; arch parse \"\(Self.paperExample)\" as a")
        buffer.text = ""
        #expect(shell.execute("supernet new in d") == 1)
        #expect(buffer.text.hasPrefix("error: 'd' is point-cloud splits, expected design space"))
        buffer.text = ""
        #expect(shell.execute("supernet new in s as sn; extract sn a") == 1)
        #expect(buffer.text.contains("error: the architecture is of space 'paper', the supernet of 'small'"))
    }
}
