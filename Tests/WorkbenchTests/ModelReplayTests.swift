import Foundation
import Testing

@testable import Workbench

@Suite struct ModelReplayTests {
    @Test func savedSessionWithModelsAndSupernetReplaysToIdenticalState() throws {
        let directory = temporaryDirectory()
        let (shell, buffer) = capturingShell(interactive: true, directory: directory)
        for line in [
            "set seed=4", "make shapes classes=2 train=4 test=2 points=64 as d", "space small k=3 as s",
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
