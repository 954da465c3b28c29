import Foundation
import HDF5
import Testing

@testable import Workbench

@Suite struct ModelExportTests {
    @Test(arguments: ["pointnet", "a"])
    func anExportedModelKeepsItsTrainingRecordAndEvaluatesAsBefore(model: String) throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (shell, buffer) = capturingShell(directory: directory)
        #expect(
            shell.execute(
                "make shapes classes=sphere,cube train=2 test=2 points=16 seed=4 as d; "
                    + "space small points=8 k=4 classes=2 as s; arch sample n=1 in s seed=2 as a") == 0,
            "\(buffer.text)")
        #expect(
            shell.execute("train \(model) on d points=8 epochs=2 batch=2 optimizer=sgd lr=0.02 seed=3 as p") == 0,
            "\(buffer.text)")
        #expect(shell.execute("export p to p.h5; load p.h5 as q") == 0, "\(buffer.text)")
        let p = try #require(shell.session.value(named: "p") as? ModelValue)
        let q = try #require(shell.session.value(named: "q") as? ModelValue)
        #expect(q.points == 8)
        #expect(q.classNames == ["sphere", "cube"])
        #expect(q.history.map(\.loss) == p.history.map(\.loss))
        #expect(q.history.map(\.learningRate) == p.history.map(\.learningRate))
        #expect(q.recipe == p.recipe)
        #expect(q.recipe?.seed == 3 && q.recipe?.optimizer == "sgd" && q.recipe?.epochs == 2)
        #expect(q.isSame(as: p))
        buffer.text = ""
        #expect(shell.execute("eval p on d; eval q on d") == 0)
        let lines = buffer.text.split(separator: "\n").map { $0.dropFirst(3) }
        #expect(lines.count == 2 && lines[0] == lines[1], "\(buffer.text)")
        buffer.text = ""
        #expect(shell.execute("show q") == 0)
        for text in ["8 per cloud", "seed 3", "sgd", "0.02", "2 epochs"] {
            #expect(buffer.text.contains(text), "\(text) in \(buffer.text)")
        }
        let layout = try HDF5File.read(directory + "/p.h5") { try $0.attributeIfPresent("weight_layout")?.stringValue }
        #expect(layout?.hasPrefix("[in, out]") == true, "\(String(describing: layout))")
        // gzip: the file of PointNet (0.8 M parameters, so metadata does not count) is smaller than its
        // tensors' raw bytes.
        guard model == "pointnet" else { return }
        let size = try #require(try FileManager.default.attributesOfItem(atPath: directory + "/p.h5")[.size] as? Int)
        let raw =
            (p.store.parameters.values.map(\.count).reduce(0, +) + p.store.buffers.values.map(\.count).reduce(0, +)) * 4
        #expect(size < raw, "file \(size) bytes, tensors \(raw) bytes")
    }
}
