import Design
import Foundation
import GNN
import HDF5
import Tensor
import Testing

@testable import Workbench

@Suite struct ModelCommandTests {
    /// Tiny splits: 2 classes, 4 + 2 clouds per class, 32 points.
    static let tiny = "make shapes classes=2 train=4 test=2 points=32 seed=5 as d"

    @Test func trainPointNetMatchesTheTrainerCalledDirectly() throws {
        let (shell, buffer) = capturingShell()
        #expect(shell.execute(Self.tiny) == 0)
        #expect(shell.execute("train pointnet on d epochs=2 batch=4 lr=0.01 seed=3 as p") == 0, "\(buffer.text)")
        let data = try #require(shell.session.value(named: "d") as? PointCloudSplits)
        var generator = SeededGenerator(seed: 3)
        var direct = BaselineModel.pointNet(PointNet(PointNet.Configuration(classes: 2), generator: &generator))
        let options = TrainingOptions(
            epochs: 2, batchSize: 4, optimizer: .adam(learningRate: 0.01, weightDecay: 1e-4), minimumLearningRate: 1e-4,
            seed: 3, threads: shell.threads)
        let reports = try direct.train(on: data.train, options: options)
        let trained = try #require(shell.session.value(named: "p") as? ModelValue)
        #expect(trained.store == direct.store)
        #expect(trained.history.map(\.loss) == reports.map(\.loss))
        let evaluation = try direct.evaluate(on: data.test, threads: shell.threads)
        let lines = buffer.text.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("epoch 1/2  loss " + NumberFormat.fixed(reports[0].loss, 3)) })
        #expect(
            lines.last == "p: test " + NumberFormat.fixed(evaluation.overallAccuracy * 100, 1) + "% overall, "
                + NumberFormat.fixed(evaluation.meanClassAccuracy * 100, 1) + "% mean class, loss "
                + NumberFormat.fixed(evaluation.loss, 3) + " (4 clouds)")
    }

    @Test func trainDGCNNUsesKAndPointsAndEvalReportsBothAccuracies() throws {
        let (shell, buffer) = capturingShell()
        shell.execute(Self.tiny)
        #expect(shell.execute("train dgcnn on d epochs=1 batch=4 k=4 points=16 as g") == 0, "\(buffer.text)")
        let model = try #require(shell.session.value(named: "g") as? ModelValue)
        guard case .baseline(.dgcnn(let dgcnn)) = model.network else {
            Issue.record("not a DGCNN")
            return
        }
        #expect(dgcnn.configuration.k == 4)
        #expect(model.points == 16)
        buffer.text = ""
        #expect(shell.execute("eval g on d") == 0)
        let data = try #require(shell.session.value(named: "d") as? PointCloudSplits)
        let expected = try model.evaluate(
            on: TrainingData.prefix(data.test, 16), threads: shell.threads, progress: .silent, cancellation: .never)
        #expect(buffer.text == "g: " + EvalCommand.describe(expected, on: "test") + "\n")
        #expect(expected.count == 4)
    }

    @Test func pointsKeepsTheFirstPointsOfEveryCloud() {
        let set = PointCloudSet(
            points: Tensor(shape: [2, 3, 3], scalars: (0..<18).map(Float.init)), labels: [0, 1])
        let kept = TrainingData.prefix(set, 2)
        #expect(kept.points.shape == [2, 2, 3])
        #expect(kept.points.scalars == [0, 1, 2, 3, 4, 5, 9, 10, 11, 12, 13, 14])
        #expect(kept.labels == [0, 1])
    }

    @Test func exportedModelLoadsBackWithTheSameWeights() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (shell, buffer) = capturingShell(directory: directory)
        shell.execute(Self.tiny)
        #expect(shell.execute("train pointnet on d epochs=1 batch=4 as p; export p to models/p.h5") == 0)
        #expect(ModelFile.isModelFile(directory + "/models/p.h5"))
        #expect(shell.execute("load models/p.h5 as back") == 0, "\(buffer.text)")
        let original = try #require(shell.session.value(named: "p") as? ModelValue)
        let back = try #require(shell.session.value(named: "back") as? ModelValue)
        #expect(back.kind == "pointnet")
        #expect(back.store == original.store)
        #expect(buffer.text.contains("back: model, pointnet, \(original.store.parameterCount) parameters, 2 classes"))
    }

    @Test func trainingAModelAgainContinuesFromItsWeights() throws {
        let (shell, _) = capturingShell()
        shell.execute(Self.tiny)
        shell.execute("train pointnet on d epochs=1 batch=4 as p")
        let before = try #require(shell.session.value(named: "p") as? ModelValue)
        #expect(shell.execute("train p on d epochs=1 batch=4 seed=2") == 0)
        let after = try #require(shell.session.value(named: "p") as? ModelValue)
        let data = try #require(shell.session.value(named: "d") as? PointCloudSplits)
        var direct = before
        _ = try direct.train(
            on: data.train,
            options: TrainingOptions(
                epochs: 1, batchSize: 4, optimizer: .adam(learningRate: 0.001, weightDecay: 1e-4),
                minimumLearningRate: 1e-5, seed: 2), progress: .silent, cancellation: .never)
        #expect(after.store == direct.store)
        #expect(after.history.map(\.epoch) == [1, 2])
    }

    @Test func unknownModelWrongKindAndBadSizesAreErrorsAtTheArgument() {
        let (shell, buffer) = capturingShell()
        shell.execute(Self.tiny)
        buffer.text = ""
        #expect(shell.execute("train dgnn on d") == 1)
        #expect(buffer.text.hasPrefix("error: unknown model 'dgnn': expected dgcnn, pointnet, an architecture or a model; did you mean 'dgcnn'?"))
        buffer.text = ""
        #expect(shell.execute("eval d on d") == 1)
        #expect(buffer.text.hasPrefix("error: 'd' is point-cloud splits, expected model\n    eval d on d\n         ^"))
        buffer.text = ""
        #expect(shell.execute("train pointnet on d batch=1") == 1)
        #expect(buffer.text.hasPrefix("error: batch=1: BatchNorm needs at least 2 clouds"))
        buffer.text = ""
        #expect(shell.execute("train dgcnn on d k=40 batch=4") == 1)
        #expect(buffer.text.hasPrefix("error: k=40 neighbours need more than 32 points per cloud"))
        buffer.text = ""
        #expect(shell.execute("space small as s; train s on d") == 1)
        #expect(buffer.text.contains("error: 's' is design space, expected dgcnn, pointnet, an architecture or a model"))
        #expect(shell.session.value(named: "model") == nil)
    }

    @Test func setThreadsSetsTheSessionBudgetOnlyForItsOwnShell() {
        let (shell, _) = capturingShell()
        let (other, _) = capturingShell()
        #expect(shell.threads == ThreadBudget(threads: 2))
        #expect(shell.execute("set threads=3") == 0)
        #expect(shell.threads == ThreadBudget(threads: 3))
        #expect(other.threads == ThreadBudget(threads: 2))
        #expect(shell.execute("set threads=1") == 0)
        #expect(shell.threads == .single)
        #expect(shell.execute("set threads=0") == 1)
        #expect(shell.threads == .single)
    }

    @Test func trainingGivesTheSameWeightsWithOneAndTwoThreads() throws {
        var stores: [ParameterStore] = []
        for threads in [1, 2] {
            let (shell, buffer) = capturingShell()
            let line =
                "set threads=\(threads); make shapes classes=2 train=8 test=1 points=128 seed=2 as d; "
                + "train dgcnn on d epochs=1 batch=8 k=8 as g"
            #expect(shell.execute(line) == 0, "\(buffer.text)")
            stores.append(try #require(shell.session.value(named: "g") as? ModelValue).store)
        }
        #expect(stores[0] == stores[1])
    }
}

@Suite struct DivergenceCommandTests {
    @Test(arguments: [
        "train pointnet on d epochs=3 batch=4 optimizer=sgd lr=1e30 as p",
        "train dgcnn on d epochs=2 batch=4 k=4 points=16 lr=1e30 optimizer=sgd as p",
    ])
    func aDivergingTrainFailsWithAClearErrorInsteadOfCrashing(line: String) throws {
        let (shell, buffer) = capturingShell()
        #expect(shell.execute(ModelCommandTests.tiny) == 0)
        #expect(shell.execute(line) == 1)
        #expect(buffer.text.contains("diverged"), "\(buffer.text)")
        #expect(buffer.text.contains("lr="), "\(buffer.text)")
        let model = try #require(shell.session.value(named: "p") as? ModelValue)
        #expect(model.store.parameters.values.allSatisfy { $0.scalars.allSatisfy(\.isFinite) })
    }

    @Test(arguments: ["lr=0", "lr=-1"])
    func aLearningRateThatIsNotPositiveIsRefused(rate: String) {
        let (shell, buffer) = capturingShell()
        #expect(shell.execute(ModelCommandTests.tiny) == 0)
        #expect(shell.execute("train pointnet on d epochs=1 batch=4 \(rate)") == 1)
        #expect(buffer.text.contains("\(rate): "), "\(buffer.text)")
        #expect(shell.execute("supernet new in small \(rate) as sn") == 1)
    }

    @Test func aDivergingSupernetTrainKeepsItsCompletedEpochs() throws {
        let (shell, buffer) = capturingShell()
        #expect(shell.execute(ModelCommandTests.tiny) == 0)
        #expect(shell.execute("space small points=32 k=4 as s") == 0)
        #expect(shell.execute("supernet new in s epochs=3 batch=4 optimizer=sgd lr=1e30 as sn") == 0, "\(buffer.text)")
        #expect(shell.execute("supernet train sn on d") == 1)
        #expect(buffer.text.contains("diverged"), "\(buffer.text)")
        let value = try #require(shell.session.value(named: "sn") as? SupernetValue)
        #expect(value.supernet.store.parameters.values.allSatisfy { $0.scalars.allSatisfy(\.isFinite) })
    }
}

@Suite struct EvalDetailTests {
    @Test func evalWithConfusionPrintsPerClassAccuracyAndTheConfusionMatrix() throws {
        let (shell, buffer) = capturingShell()
        #expect(shell.execute("make shapes classes=sphere,cube,torus train=2 test=2 points=16 seed=3 as d") == 0)
        #expect(shell.execute("train pointnet on d epochs=1 batch=2 as p") == 0, "\(buffer.text)")
        buffer.text = ""
        #expect(shell.execute("eval p on d confusion=on") == 0, "\(buffer.text)")
        let model = try #require(shell.session.value(named: "p") as? ModelValue)
        let data = try #require(shell.session.value(named: "d") as? PointCloudSplits)
        let result = try model.evaluate(on: data.test, threads: shell.threads, progress: .silent, cancellation: .never)
        let lines = buffer.text.split(separator: "\n").map(String.init)
        #expect(lines.first == "p: " + EvalCommand.describe(result, on: "test"))
        #expect(lines.count == 2 + 3, "\(buffer.text)")
        for (t, name) in ["sphere", "cube", "torus"].enumerated() {
            let row = try #require(lines.first { $0.hasPrefix("\(t) \(name)") }, "\(buffer.text)")
            let cells = row.split(separator: " ").map(String.init)
            // Each row counts the test clouds of its class (from the labels themselves), split by prediction.
            let clouds = data.test.labels.filter { $0 == t }.count
            #expect(cells[2] == "\(clouds)")
            let counts = cells.suffix(3).compactMap { Int($0) }
            #expect(counts.reduce(0, +) == clouds)
            #expect(cells[3] == NumberFormat.fixed(Double(counts[t]) / Double(clouds) * 100, 1) + "%")
            #expect(counts == result.confusion[t])
        }
    }
}
