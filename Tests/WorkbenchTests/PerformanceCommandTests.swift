import CoInference
import Foundation
import Systems
import Testing

@testable import Workbench

@Suite struct PerformanceCommandTests {
    @Test func profileMeasureTrainEvalAndPredictRunEndToEndAndMeasureResumes() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (shell, buffer) = capturingShell(directory: directory)
        #expect(
            shell.execute("space small as s; profile pi-i7 in s repeat=2 warmup=1 file=t.h5 as t") == 0,
            "\(buffer.text)")
        let table = try #require(shell.session.value(named: "t") as? CostTable)
        #expect(try CostTable.load(directory + "/t.h5").entries == table.entries)
        buffer.text = ""
        #expect(shell.execute("profile pi-i7 in s file=t.h5 as again") == 0, "\(buffer.text)")
        #expect(buffer.text.contains("loaded from t.h5"), "\(buffer.text)")
        #expect((shell.session.value(named: "again") as? CostTable)?.entries == table.entries)
        #expect(shell.execute("profile tx2-i7 in s file=t.h5 as wrong") == 1)
        buffer.text = ""
        #expect(shell.execute("measure n=3 in s on pi-i7 bandwidths=10,100 repeat=2 seed=4 file=m.h5 as m") == 0)
        #expect(buffer.text.contains("measured 6 (architecture, bandwidth) pairs"), "\(buffer.text)")
        buffer.text = ""
        #expect(shell.execute("measure n=4 in s on pi-i7 bandwidths=10,100 repeat=2 seed=4 file=m.h5 as m") == 0)
        #expect(buffer.text.contains("measured 2 (architecture, bandwidth) pairs"), "\(buffer.text)")
        #expect(buffer.text.contains("kept 6 already measured"), "\(buffer.text)")
        let measured = try #require(shell.session.value(named: "m") as? EngineMeasurement)
        #expect(measured.records.count == 8 && measured.architectureCount == 4)
        buffer.text = ""
        #expect(
            shell.execute("measure n=2 in s on pi-i7 bandwidths=10,40 repeat=2 seed=9 as held") == 0, "\(buffer.text)")
        buffer.text = ""
        #expect(shell.execute("predictor train on m with t epochs=3 hidden=8 seed=1 as p") == 0, "\(buffer.text)")
        #expect(buffer.text.contains("latency GIN (residual, 3 layers, hidden 8)"), "\(buffer.text)")
        #expect((shell.session.value(named: "p") as? PredictorValue)?.model.mode == .residual)
        buffer.text = ""
        #expect(
            shell.execute("predictor train on m with t mode=absolute members=2 epochs=2 hidden=4 seed=1 as p2") == 0,
            "\(buffer.text)")
        #expect(buffer.text.contains("GIN (absolute, 2 members, 3 layers, hidden 4)"), "\(buffer.text)")
        #expect((shell.session.value(named: "p2") as? PredictorValue)?.model.otherMembers.count == 1)
        buffer.text = ""
        #expect(shell.execute("predictor eval p on held plot=p.svg") == 0, "\(buffer.text)")
        #expect(buffer.text.contains("LUT estimate") && buffer.text.contains("GIN"), "\(buffer.text)")
        #expect(buffer.text.contains("noise floor of held (latency)"))
        #expect(buffer.text.contains("held at 40 Mbit/s, a bandwidth not in training"), "\(buffer.text)")
        #expect(FileManager.default.fileExists(atPath: directory + "/p.svg"))
        buffer.text = ""
        #expect(shell.execute("arch parse \"knn | agg(rel,max) | comm | combine(16) | pool(max) | id\" in s as a") == 0)
        buffer.text = ""
        #expect(shell.execute("predict a on pi-i7 with p bandwidth=10mbit") == 0, "\(buffer.text)")
        #expect(buffer.text.contains("LUT estimate: latency") && buffer.text.contains(" ms"), "\(buffer.text)")
        #expect(buffer.text.contains("frames 836 B, 106 B") && buffer.text.contains(" J"), "\(buffer.text)")
        #expect(buffer.text.contains("GIN: latency"), "\(buffer.text)")
        buffer.text = ""
        #expect(shell.execute("predict a on tx2-i7 with t") == 1)
        #expect(buffer.text.contains("profiled on pi-i7, not tx2-i7"), "\(buffer.text)")
    }
}
