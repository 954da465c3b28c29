import Foundation
import HDF5
import Tensor
import Testing

@testable import GNN

/// The venv's Python, if PyTorch imports there.
let torchPython: String? = {
    let venv = ProcessInfo.processInfo.environment["TANDEM_VENV"] ?? (NSHomeDirectory() + "/.cache/tandem/venv")
    let python = venv + "/bin/python"
    guard FileManager.default.isExecutableFile(atPath: python) else { return nil }
    return (try? run(python, ["-c", "import torch, h5py"])) == 0 ? python : nil
}()

@discardableResult
func run(_ executable: String, _ arguments: [String]) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
}

/// The repository root (this file is Tests/GNNTests/TorchReferenceTests.swift).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

@Test(
    .enabled(
        if: torchPython != nil,
        "PyTorch not found: run scripts/setup --torch (venv at $TANDEM_VENV or ~/.cache/tandem/venv)"))
func dgcnnLogitsMatchPyTorchWithSharedNeighbours() throws {
    let python = try #require(torchPython)
    let modelPath = temporaryPath("torch-model.h5")
    let referencePath = temporaryPath("torch-reference.h5")
    defer {
        try? FileManager.default.removeItem(atPath: modelPath)
        try? FileManager.default.removeItem(atPath: referencePath)
    }
    let status = try run(
        python,
        [
            repositoryRoot + "/scripts/torch_dgcnn_reference.py", modelPath, referencePath, "--batch", "2",
            "--points", "48", "--k", "20", "--seed", "3",
        ])
    try #require(status == 0, "scripts/torch_dgcnn_reference.py failed with status \(status)")
    let (loaded, _) = try ModelFile.load(modelPath)
    guard case .dgcnn(var model) = loaded else {
        Issue.record("the reference file did not load as a DGCNN")
        return
    }
    let (points, graphs, expected) = try HDF5File.read(referencePath) { file in
        (
            try file.readTensor(at: "/points"),
            try (1...4).map { try file.readTensor(at: "/graph\($0)") },
            try file.readTensor(at: "/logits")
        )
    }
    let batch = points.shape[0]
    let nodes = points.shape[1]
    var layer = 0
    var generator = SeededGenerator(seed: 0)
    let (logits, _) = model.forward(
        points, batch: batch, nodes: nodes, training: false, generator: &generator, threads: .single
    ) { _, k in
        defer { layer += 1 }
        return NeighbourGraph(batch: batch, nodes: nodes, k: k, localIndices: graphs[layer].scalars.map { Int32($0) })
    }
    #expect(logits.shape == expected.shape)
    let difference = zip(logits.scalars, expected.scalars).map { abs($0 - $1) }.max() ?? .infinity
    let scale = expected.scalars.map { abs($0) }.max() ?? 0
    #expect(difference <= 1e-4, "max |Tandem − PyTorch| = \(difference) (logits up to \(scale))")
    #expect(scale > 0.1, "reference logits are too small to be a meaningful check")
    // Tandem's own kNN finds the same first-layer graph on raw coordinates (up to ties).
    let own = KNN.graph(points.reshaped([batch * nodes, 3]), batch: batch, nodes: nodes, k: 20, threads: .single)
    let shared = NeighbourGraph(
        batch: batch, nodes: nodes, k: 20, localIndices: graphs[0].scalars.map { Int32($0) })
    var same = 0
    for i in 0..<(batch * nodes) {
        let a = Set(own.indices[(i * 20)..<(i * 20 + 20)])
        let b = Set(shared.indices[(i * 20)..<(i * 20 + 20)])
        if a == b { same += 1 }
    }
    #expect(same >= batch * nodes * 95 / 100, "only \(same) of \(batch * nodes) neighbourhoods agree with torch")
}

/// The venv's Python, if h5py imports there.
let h5pyPython: String? = {
    let venv = ProcessInfo.processInfo.environment["TANDEM_VENV"] ?? (NSHomeDirectory() + "/.cache/tandem/venv")
    let python = venv + "/bin/python"
    guard FileManager.default.isExecutableFile(atPath: python) else { return nil }
    return (try? run(python, ["-c", "import h5py"])) == 0 ? python : nil
}()

@Test(
    .enabled(if: h5pyPython != nil, "h5py not found: run scripts/setup (venv at $TANDEM_VENV or ~/.cache/tandem/venv)"))
func h5pyReadsASavedModelsArchitectureAndWeights() throws {
    let python = try #require(h5pyPython)
    var generator = SeededGenerator(seed: 31)
    let model = DGCNN(
        DGCNN.Configuration(classes: 5, k: 4, edgeWidths: [3, 4], embedding: 6, hidden: [4, 3]), generator: &generator)
    let path = temporaryPath("h5py-model.h5")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try ModelFile.save(.dgcnn(model), to: path, classNames: ["a", "b", "c", "d", "e"])
    let w = model.store.parameter("edge2/weight")
    // h5py checks the attributes, the shape and two entries of a weight; exit status 0 means all agree.
    let script = """
        import h5py, sys
        f = h5py.File(sys.argv[1], "r")
        a = f.attrs
        ok = a["format"] == "tandem-model" and a["model"] == "dgcnn" and int(a["k"]) == 4
        ok = ok and list(a["edge_widths"]) == [3, 4] and list(a["class_names"]) == ["a", "b", "c", "d", "e"]
        w = f["edge2/weight"][...]
        ok = ok and w.shape == (6, 4) and abs(w[0, 0] - float(sys.argv[2])) < 1e-7 and abs(w[5, 3] - float(sys.argv[3])) < 1e-7
        ok = ok and f["head/fc1/bn/running_var"].shape == (4,)
        sys.exit(0 if ok else 1)
        """
    let status = try run(python, ["-c", script, path, "\(w[0, 0])", "\(w[5, 3])"])
    #expect(status == 0, "h5py disagrees with the saved model file")
}
