import Dispatch
import HDF5
import Synchronization
import Tensor
import Testing

@testable import GNN

/// Two different trainings with different thread budgets, run at the same time in one process, each give
/// exactly the weights they give alone: the budget is a value each call carries, so neither changes the
/// other's kernels (the old process-wide thread count and BLAS setting did).
@Test func concurrentTrainingsWithDifferentBudgetsMatchTheirSoloRunsBitForBit() throws {
    let data = try ShapesDataset(
        ShapesConfiguration(
            classes: [.sphere, .cube], trainPerClass: 6, testPerClass: 1, points: 128, rotation: .aboutZ, seed: 11)
    ).train
    // Sizes above the parallel thresholds of EdgeConv, aggregate and kNN (B·N·k·C ≥ 2¹⁵).
    let runs: [(seed: UInt64, k: Int, threads: ThreadBudget)] = [
        (21, 8, ThreadBudget(threads: 2)), (22, 6, .single), (23, 8, ThreadBudget(threads: 3)),
    ]
    @Sendable func train(_ index: Int) throws -> ParameterStore {
        let run = runs[index]
        var generator = SeededGenerator(seed: run.seed)
        var model = DGCNN(
            DGCNN.Configuration(classes: 2, k: run.k, edgeWidths: [16, 16], embedding: 32, hidden: [16, 8]),
            generator: &generator)
        let options = TrainingOptions(epochs: 1, batchSize: 4, seed: run.seed, threads: run.threads)
        _ = try Training.train(&model, on: data, options: options)
        return model.store
    }
    let solo = try runs.indices.map { try train($0) }
    let together = Mutex([ParameterStore?](repeating: nil, count: runs.count))
    DispatchQueue.concurrentPerform(iterations: runs.count) { index in
        let store = try? train(index)
        together.withLock { $0[index] = store }
    }
    let concurrent = together.withLock { $0 }
    for index in runs.indices {
        #expect(concurrent[index] == solo[index], "training \(index) (\(runs[index].threads))")
    }
    #expect(solo[0] != solo[2], "the trainings differ from each other")
}
