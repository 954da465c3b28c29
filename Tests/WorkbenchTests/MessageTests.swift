import Design
import Foundation
import HDF5
import Tensor
import Testing

@testable import Workbench

@Suite struct MessageTests {
    @Test func aFileWithDataButNoLabelNamesTheMissingDataset() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try HDF5File.write(to: directory + "/nolabel.h5") { file in
            try file.write(Tensor.zeros([2, 4, 3]), at: "/data")
        }
        let (shell, buffer) = capturingShell(directory: directory)
        #expect(shell.execute("load nolabel.h5") == 1)
        #expect(buffer.text.contains("'label'"), "\(buffer.text)")
        #expect(!buffer.text.contains("holds no data set"), "\(buffer.text)")
    }

    @Test func aPointsMismatchSaysHowToFixIt() {
        let (shell, buffer) = capturingShell()
        #expect(shell.execute("make shapes classes=2 train=2 test=1 points=32 as d; space small as s") == 0)
        #expect(shell.execute("supernet new in s epochs=1 batch=2 as sn") == 0)
        #expect(shell.execute("supernet train sn on d") == 1)
        #expect(buffer.text.contains("points=32"), "\(buffer.text)")
    }

    @Test func aBareWordThatIsNoFileIsWrongUseOfTandem() {
        let buffer = TextBuffer()
        let launcher = Launcher(console: .capturing(into: buffer))
        let status = launcher.run(LaunchOptions(mode: .script("bogus")))
        #expect(status == .usage)
        #expect(buffer.text.contains("bogus"), "\(buffer.text)")
    }

    @Test func countsTakeTheSingularForOne() {
        let (shell, buffer) = capturingShell()
        #expect(shell.execute("make shapes classes=2 train=2 test=1 points=16 as d") == 0)
        #expect(shell.execute("train pointnet on d epochs=1 batch=4 as p") == 0, "\(buffer.text)")
        #expect(buffer.text.contains("1 epoch of 1 step\n"), "\(buffer.text)")
        var space = DesignSpace.small
        space.positions = 1
        #expect(space.summary.contains("1 position,"), "\(space.summary)")
        #expect(SpaceCommand.validCountText(1) == "1 valid architecture")
        #expect(SpaceCommand.validCountText(.infinity) == "more than 1.8e+308 valid architectures")
        #expect(SpaceCommand.validCountText(1.24e6) == "1.24e+06 valid architectures")
    }
}
