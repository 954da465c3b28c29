import Glibc
import Design
import GNN
import HDF5
import Tensor

/// A space small enough for debug-build training: 4 positions, widths 8 and 16, P = 32, k = 4, 3 classes,
/// head 16-8, features at most 64 wide.
let trainingSpace: DesignSpace = {
    var space = DesignSpace.small
    space.name = "train-test"
    space.positions = 4
    space.combineWidths = [8, 16]
    space.k = 4
    space.pointsPerCloud = 32
    space.classes = 3
    space.headWidths = [16, 8]
    space.maxFeatureWidth = 64
    return space
}()

/// Three easy shape classes, 16 training and 8 test clouds each, 32 points.
let trainingData: ShapesDataset = {
    let configuration = ShapesConfiguration(
        classes: [.sphere, .cylinder, .torus], trainPerClass: 16, testPerClass: 8, points: 32, seed: 3)
    guard let data = try? ShapesDataset(configuration) else { preconditionFailure("shapes configuration is valid") }
    return data
}()

/// Options for quick tests: batch 8, Adam 0.01, no dropout, mild augmentation.
let quickOptions = SupernetOptions(
    training: TrainingOptions(
        epochs: 4, batchSize: 8, optimizer: .adam(learningRate: 0.01, weightDecay: 1e-4), minimumLearningRate: 0.001,
        labelSmoothing: 0, seed: 5),
    dropout: 0, calibrationBatches: 2)

/// A temporary file path unique to this process and `name`.
func temporaryPath(_ name: String) -> String {
    "/tmp/tandem-design-tests-\(getpid())-\(name).h5"
}
