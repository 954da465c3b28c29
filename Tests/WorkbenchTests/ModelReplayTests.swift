import Foundation
import Testing
import Tensor

@testable import Workbench

@Suite struct ModelReplayTests {
    @Test func savedSessionWithModelsAndSupernetReplaysToIdenticalState() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (shell, buffer) = capturingShell(interactive: true, directory: directory)
        for line in [
            "set seed=4", "make shapes classes=2 train=4 test=2 points=64 as d", "space small k=3 classes=2 as s",
            "arch sample n=3 in s as c", "arch pick c 1 as a", "arch mutate a as m", "arch crossover a m as x",
            "arch parse \"knn | agg(rel,max) | combine(8) | pool(max) | comm | id\" in s as p",
            "train pointnet on d epochs=1 batch=4 as pn", "supernet new in s epochs=1 batch=4 as sn",
            "supernet train sn on d", "extract sn p on d as e", "train e on d epochs=1 batch=4",
            "train a on d epochs=1 batch=4 as scratch", "export e to e.h5", "load e.h5 as e2",
        ] {
            #expect(shell.execute(line) == 0, "\(line): \(buffer.text)")
        }
        #expect(shell.execute("save replay.tandem") == 0)
        let script = try AtomicFile.read(directory + "/replay.tandem")
        #expect(script.contains("arch sample n=1 in s seed=4 as c") == false)
        #expect(script.contains("arch sample n=3 in s seed=4 as c"))
        #expect(script.contains("train pointnet on d epochs=1 batch=4 optimizer=adam lr=0.001 seed=4 as pn"))
        let (replay, output) = capturingShell(directory: directory)
        let outcome = replay.runScript(script, file: "replay.tandem")
        #expect(outcome.failures == 0, "\(output.text)")
        #expect(replay.session.names == shell.session.names)
        #expect(replay.session.hasSameState(as: shell.session))
    }
}

@Suite struct ModelCancellationTests {
    /// Cancels `shell`'s work from another thread (not the test's concurrency pool) after `seconds`.
    func cancel(_ shell: Shell, after seconds: Double) {
        let cancellation = shell.cancellation
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: seconds)
            cancellation.cancel()
        }
    }

    @Test func cancelStopsTrainingAndLeavesNoHalfTrainedModel() throws {
        let (shell, buffer) = capturingShell()
        shell.execute("make shapes classes=2 train=4 test=2 points=32 as d")
        cancel(shell, after: 0.3)
        let clock = ContinuousClock()
        let start = clock.now
        #expect(shell.execute("train dgcnn on d epochs=60 batch=4 k=4 as g") == 1)
        #expect(clock.now - start < .seconds(30))
        #expect(buffer.text.contains("error: cancelled"))
        #expect(shell.session.value(named: "g") == nil)
    }

    @Test func supernetKeepsItsCompletedEpochsWhenCancelled() throws {
        let (shell, buffer) = capturingShell()
        shell.execute("make shapes classes=2 train=4 test=2 points=64 as d; space small as s")
        shell.execute("supernet new in s epochs=3000 batch=4 as sn; supernet train sn on d epochs=1")
        cancel(shell, after: 0.5)
        #expect(shell.execute("supernet train sn on d") == 1)
        let value = try #require(shell.session.value(named: "sn") as? SupernetValue)
        #expect(buffer.text.contains("sn: stopped; it keeps its \(value.supernet.epoch) completed epochs"))
        #expect(value.supernet.epoch >= 1 && value.supernet.history.count == value.supernet.epoch)
    }

    @Test func modelsAndSupernetsFromDifferentSeedsAreNotTheSame() {
        let (a, _) = capturingShell()
        let (b, _) = capturingShell()
        let setup = "make shapes classes=2 train=2 test=1 points=64 seed=1 as d; space small as s; "
        a.execute(setup + "train pointnet on d epochs=1 batch=2 seed=1 as m; supernet new in s seed=1 as sn")
        b.execute(setup + "train pointnet on d epochs=1 batch=2 seed=2 as m; supernet new in s seed=2 as sn")
        for name in ["m", "sn"] {
            guard let x = a.session.value(named: name), let y = b.session.value(named: name) else {
                Issue.record("\(name) missing")
                continue
            }
            #expect(!x.isSame(as: y))
            #expect(x.isSame(as: x))
        }
    }
}
