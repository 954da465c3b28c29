import Foundation
import HDF5
import Tensor
import Testing

@testable import Workbench

@Suite struct DataCommandTests {
    @Test func makeShapesMatchesTheGeneratorCalledDirectly() throws {
        let (shell, buffer) = capturingShell()
        shell.execute("make shapes classes=cube,torus train=2 test=1 points=32 noise=0 seed=11 as s")
        let value = try #require(shell.session.value(named: "s") as? PointCloudSplits)
        let direct = try ShapesDataset(
            ShapesConfiguration(classes: [.cube, .torus], trainPerClass: 2, testPerClass: 1, points: 32, noise: 0, seed: 11))
        #expect(value.train == direct.train)
        #expect(value.test == direct.test)
        #expect(buffer.text == "s: point-cloud splits, train 4 + test 2 clouds × 32 points, 2 classes\n")
    }

    @Test func exportThenLoadGivesBackEqualData() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (shell, buffer) = capturingShell(directory: directory)
        #expect(shell.execute("make shapes classes=3 train=2 test=1 points=16 as s; export s to s.h5") == 0)
        #expect(shell.execute("load s.h5 as back; load s.h5/test; export s_test to t.h5; load t.h5") == 0, "\(buffer.text)")
        let original = try #require(shell.session.value(named: "s") as? PointCloudSplits)
        #expect((shell.session.value(named: "back") as? PointCloudSplits) == original)
        #expect((shell.session.value(named: "s_test") as? PointCloudSet) == original.test)
        #expect((shell.session.value(named: "t") as? PointCloudSet) == original.test)
    }

    @Test func loadReadsGraphsWrittenByTheHDF5Layout() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let graphs = GraphSet(
            features: Tensor(shape: [3, 2], scalars: [1, 2, 3, 4, 5, 6]), sources: [0, 1], targets: [1, 0],
            graphPointer: [0, 2, 3], labels: [1, 0])
        try graphs.write(to: directory + "/g.h5")
        let (shell, buffer) = capturingShell(directory: directory)
        #expect(shell.execute("load g.h5") == 0)
        #expect((shell.session.value(named: "g") as? GraphSet) == graphs)
        #expect(buffer.text == "g: graphs, 2 graphs, 3 nodes, 2 edges, 2 features\n")
    }

    @Test func lsListsObjectsLikeH5lsWithLayouts() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (shell, buffer) = capturingShell(directory: directory)
        shell.execute("make shapes classes=2 train=1 test=1 points=4 as s; export s to s.h5")
        buffer.text = ""
        #expect(shell.execute("ls s.h5") == 0)
        #expect(
            buffer.text == """
                /             Group
                /test         Group (point clouds)
                /test/data    Dataset {2, 4, 3}
                /test/label   Dataset {2, 1}
                /train        Group (point clouds)
                /train/data   Dataset {2, 4, 3}
                /train/label  Dataset {2, 1}

                """)
    }

    @Test func loadErrorsNameTheFileAndWhatItHolds() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (shell, buffer) = capturingShell(directory: directory)
        shell.execute("load missing.h5")
        #expect(buffer.text.hasPrefix("error: \(directory)/missing.h5: no such file"))
        try HDF5File.write(to: directory + "/empty.h5") { try $0.createGroup("stuff") }
        buffer.text = ""
        shell.execute("load empty.h5")
        #expect(buffer.text.contains("not point clouds or graphs; it holds no data set"))
    }

    @Test func aFileThatIsNotHDF5IsReportedAtThePathInAScript() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "not hdf5\n".write(toFile: directory + "/bad.h5", atomically: true, encoding: .utf8)
        let (shell, buffer) = capturingShell(directory: directory)
        #expect(shell.runScript("load bad.h5 as x\n", file: "s.tandem").failures == 1)
        #expect(
            buffer.text == """
                s.tandem:1:6: error: \(directory)/bad.h5: not an HDF5 file
                    load bad.h5 as x
                         ^

                """)
    }

    @Test func valuesOfTheWrongKindAreRefusedWithTheirKind() {
        let (shell, buffer) = capturingShell(interactive: true)
        shell.execute("show nothing")
        #expect(buffer.text == "error: no value named 'nothing'\n")
        buffer.text = ""
        shell.execute("make shapes classes=9x")
        #expect(buffer.text == "error: unknown class '9x'\n")
    }
}
