import Design
import GNN
import HDF5
import Tensor
import Testing

/// The pooled vector is normalised per (pool kind, input width): with batch statistics a sum pool is N
/// times a mean pool channel by channel, so after their (freshly initialised, equal) BatchNorms the two
/// paths give the same training-mode loss. Tolerance 1e-4 (BatchNorm's ε = 1e-5 is negligible against the
/// variances here).
@Test func sumAndMeanPoolsReachTheHeadAtTheSameScale() throws {
    let net = try Supernet(space: trainingSpace, options: quickOptions)
    let (points, labels) = Batching.gather(trainingData.train, indices: Array(0..<8))
    var losses: [Float] = []
    for pool in ["sum", "mean"] {
        let arch = try Architecture.parse("knn | agg(edgeconv,max) | pool(\(pool)) | combine(8)", in: trainingSpace)
        losses.append(
            try net.lossForTesting(arch, points: points, labels: labels, batch: 8, nudging: "", 0, 0, by: 0))
    }
    #expect(abs(losses[0] - losses[1]) <= 1e-4, "losses \(losses)")
}

/// Every op, message, reducer and pool of the 4-position training space (3 classes, chance 1/3): after 40
/// epochs of single-path training on 96 clouds (a new architecture every step, seed fixed) the sampled
/// paths' training accuracy over the last ten epochs (960 predictions, standard error ≈ 0.016 at chance) is
/// clearly above chance: > 0.42. Measured 0.48 (0.44 before the pooled BatchNorm); a shared-weight update
/// that stops a path from learning leaves it at about 1/3.
@Test func sampledPathsLearnWellAboveChance() throws {
    let data = try ShapesDataset(
        ShapesConfiguration(
            classes: [.sphere, .cylinder, .torus], trainPerClass: 32, testPerClass: 8, points: 32, seed: 3))
    var options = quickOptions
    options.training.epochs = 40
    var net = try Supernet(space: trainingSpace, options: options)
    let reports = try net.train(on: data.train, threads: .single)
    let accuracy = reports[30...].map(\.trainAccuracy).reduce(0, +) / 10
    #expect(accuracy > 0.42, "training accuracy per epoch \(reports.map(\.trainAccuracy))")
}
