import Foundation
import HDF5
import Tensor
import Testing

@testable import GNN

func temporaryPath(_ name: String) -> String {
    NSTemporaryDirectory() + "gnn-\(ProcessInfo.processInfo.processIdentifier)-\(name)"
}

@Test func savedDGCNNLoadsWithIdenticalTensorsAndLogits() throws {
    var generator = SeededGenerator(seed: 21)
    let model = BaselineModel.dgcnn(
        DGCNN(
            DGCNN.Configuration(classes: 4, k: 3, edgeWidths: [4, 6], embedding: 8, hidden: [6, 5]),
            generator: &generator))
    let path = temporaryPath("dgcnn.h5")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try ModelFile.save(model, to: path, classNames: ["a", "b", "c", "d"])
    #expect(ModelFile.isModelFile(path))
    let (loaded, names) = try ModelFile.load(path)
    #expect(names == ["a", "b", "c", "d"])
    #expect(loaded.kind == "dgcnn")
    #expect(loaded.store == model.store)
    let points = randomTensor([2 * 5, 3], seed: 22)
    #expect(loaded.logits(points, batch: 2, nodes: 5, threads: .single) == model.logits(points, batch: 2, nodes: 5, threads: .single))
    // The layout: a group per layer, datasets by parameter name.
    let weight = try HDF5File.read(path) { try $0.readTensor(at: "/edge1/weight") }
    #expect(weight.shape == [6, 4])
    let mean = try HDF5File.read(path) { try $0.readTensor(at: "/head/fc1/bn/running_mean") }
    #expect(mean.shape == [6])
}

@Test func savedPointNetLoads() throws {
    var generator = SeededGenerator(seed: 23)
    let model = BaselineModel.pointNet(
        PointNet(PointNet.Configuration(classes: 2, widths: [4, 5], hidden: [3, 3]), generator: &generator))
    let path = temporaryPath("pointnet.h5")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try ModelFile.save(model, to: path)
    let (loaded, names) = try ModelFile.load(path)
    #expect(names.isEmpty && loaded.kind == "pointnet" && loaded.store == model.store)
}

@Test func loadingAFileWithoutTheModelFormatNamesTheProblem() throws {
    let path = temporaryPath("notmodel.h5")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try HDF5File.write(to: path) { try $0.write(Tensor.zeros([2]), at: "/x") }
    #expect(!ModelFile.isModelFile(path))
    do {
        _ = try ModelFile.load(path)
        Issue.record("loading a non-model file succeeded")
    } catch let error as GNNError {
        #expect(error.description.contains("not a Tandem model file"))
        #expect(error.description.hasPrefix(path))
    }
}

@Test func loadingAModelWithAMissingDatasetNamesIt() throws {
    var generator = SeededGenerator(seed: 24)
    var pointNet = PointNet(PointNet.Configuration(classes: 2, widths: [4], hidden: [3, 3]), generator: &generator)
    pointNet.store.parameters["mlp1/weight"] = nil
    let path = temporaryPath("missing.h5")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try ModelFile.save(.pointNet(pointNet), to: path)
    do {
        _ = try ModelFile.load(path)
        Issue.record("loading an incomplete model succeeded")
    } catch let error as GNNError {
        #expect(error.description.contains("'/mlp1/weight' is missing"), "\(error)")
    }
}
