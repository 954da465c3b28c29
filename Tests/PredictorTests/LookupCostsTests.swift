import Design
import GNN
import Tensor
import Testing

@testable import Predictor
@testable import Systems

@Test func lookupNodeCostsSumToTheLUTEstimatesSideCosts() throws {
    let space = DesignSpace.small
    let system = try #require(System.preset("pi-i7"))
    var entries: [CostKey: CostEntry] = [:]
    for key in Profiler.keys(for: space) {
        // Distinct per key: a pooled combine costs a thousandth of the unpooled one.
        let seconds = (1e-3 * Double(key.opID) + 1e-6 * Double(key.inputWidth)) * (key.pooled ? 1e-3 : 1)
        entries[key] = CostEntry(deviceSeconds: seconds, edgeSeconds: seconds / 10, deviceJoules: 0)
    }
    let table = CostTable(
        system: system, spaceName: space.name, points: space.pointsPerCloud, k: space.k,
        conditions: ProfileConditions(
            cpu: "test", deviceThreads: 1, edgeThreads: 1, repeats: 1, warmup: 0, gemm: "test", seed: 1),
        entries: entries)
    for text in [
        "knn | agg(rel,max) | pool(max) | combine(16) | comm | id",
        "combine(8) | knn | comm | agg(full,sum) | pool(max+mean) | combine(32)",
    ] {
        let mapping = try Architecture.parse(text, in: space).mapping(in: space)
        let graph = try ArchitectureGraph(mapping: mapping, costs: .lookup(table), megabitsPerSecond: 40)
        let estimate = try LUTEstimate(mapping: mapping, table: table, link: system.link)
        let sum = graph.costs.reduce(0, +)
        #expect(abs(sum - (estimate.deviceSeconds + estimate.edgeSeconds)) < 1e-12, "\(text)")
    }
}

@Test func groupedValidationSplitKeepsEachArchitectureOnOneSide() {
    // 30 architectures at 3 bandwidths each: 90 samples, groups 0,0,0,1,1,1,...
    let groups = (0..<90).map { $0 / 3 }
    var generator = SeededGenerator(seed: 4)
    let (order, validationCount) = PredictorTraining.groupedOrder(groups, fraction: 0.2, generator: &generator)
    #expect(order.sorted() == Array(0..<90))
    #expect(validationCount == 18)
    let validation = Set(order.prefix(validationCount).map { groups[$0] })
    let training = Set(order.dropFirst(validationCount).map { groups[$0] })
    #expect(validation.isDisjoint(with: training))
    #expect(validation.count == 6 && training.count == 24)
}
