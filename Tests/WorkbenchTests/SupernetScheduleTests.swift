import Design
import Foundation
import GNN
import Testing
import Tensor

@testable import Workbench

@Suite struct SupernetScheduleTests {
    static let setup =
        "make shapes classes=2 train=2 test=1 points=16 seed=5 as d; space small points=16 k=4 as s; "
        + "supernet new in s epochs=1 batch=2 lr=0.01 seed=7 as sn"

    @Test func trainingPastThePlannedEpochsStretchesTheScheduleToTheEpochsAskedFor() throws {
        let (shell, buffer) = capturingShell()
        #expect(shell.execute(Self.setup) == 0, "\(buffer.text)")
        #expect(shell.execute("supernet train sn on d epochs=3") == 0, "\(buffer.text)")
        let value = try #require(shell.session.value(named: "sn") as? SupernetValue)
        let schedule = CosineSchedule(initial: 0.01, minimum: 0.0001, length: 3)
        let rates = value.supernet.history.map(\.learningRate)
        #expect(rates.count == 3)
        for (epoch, rate) in rates.enumerated() {
            #expect(abs(rate - schedule.rate(at: epoch)) <= 1e-7 * 0.01, "epoch \(epoch + 1): \(rates)")
        }
    }

    @Test func aStoppedSupernetTrainRecordsTheEpochsItCompletedSoReplayMatches() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (shell, buffer) = capturingShell(directory: directory)
        #expect(shell.execute(Self.setup) == 0, "\(buffer.text)")
        let checkpoint = directory + "/cp.h5"
        let cancellation = shell.cancellation
        let watcher = Thread {
            let deadline = Date().addingTimeInterval(120)
            while !FileManager.default.fileExists(atPath: checkpoint) && Date() < deadline { usleep(2000) }
            cancellation.cancel()
        }
        watcher.start()
        #expect(shell.execute("supernet train sn on d epochs=500 checkpoint=cp.h5") == 1)
        let value = try #require(shell.session.value(named: "sn") as? SupernetValue)
        let completed = value.supernet.epoch
        #expect(completed >= 1 && completed < 500)
        #expect(
            shell.session.recordedLines().last
                == "supernet train sn on d epochs=\(completed) checkpoint=cp.h5 schedule=500", "\(buffer.text)")
        #expect(shell.execute("save replay.tandem") == 0)
        try FileManager.default.removeItem(atPath: checkpoint)
        let (replay, output) = capturingShell(directory: directory)
        #expect(
            replay.runScript(try AtomicFile.read(directory + "/replay.tandem"), file: "r").failures == 0,
            "\(output.text)")
        #expect(replay.session.hasSameState(as: shell.session))
    }
}
