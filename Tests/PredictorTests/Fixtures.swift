import Design
import Foundation
import Tensor

@testable import Predictor

/// FLOP-proportional costs of a slow device (10 ns per FLOP) and a fast edge (1 ns per FLOP).
let testCosts = NodeCosts.flopProportional(deviceSecondsPerFlop: 1e-8, edgeSecondsPerFlop: 1e-9)

/// The bandwidths the synthetic sets draw from, Mbit/s.
let testBandwidths: [Double] = [10, 40, 100]

/// `count` valid architectures of the small space with their graphs at a bandwidth drawn from
/// `testBandwidths`, all seeded.
func sampledGraphs(_ count: Int, seed: UInt64) throws -> [(mapping: Mapping, graph: ArchitectureGraph)] {
    let sampler = try ArchitectureSampler(space: .small)
    var generator = SeededGenerator(seed: seed)
    return try sampler.sample(count, using: &generator).map { architecture in
        let mapping = try architecture.mapping(in: .small)
        let bandwidth = testBandwidths[Int(generator.next() % UInt64(testBandwidths.count))]
        return (mapping, try ArchitectureGraph(mapping: mapping, costs: testCosts, megabitsPerSecond: bandwidth))
    }
}

/// A known nonlinear "measurement" of a graph: every node's cost times a factor per op type (combine 1.6,
/// aggregate 0.6, knn 2.5, pool 1.2, head layers 1.4), plus a fixed 0.05 ms per non-identity position, plus
/// the transfer time times 1.2 plus 0.2 ms per crossing. The LUT-like baseline (`costSum`) ignores the
/// factors and overheads.
func syntheticTarget(_ mapping: Mapping, _ graph: ArchitectureGraph) -> Double {
    var total = 0.0
    for (node, kind) in graph.kinds.enumerated() {
        switch kind {
        case .position(let p):
            let factor: Double
            switch mapping.steps[p].operation.type {
            case .combine: factor = 1.6
            case .aggregate: factor = 0.6
            case .knn: factor = 2.5
            case .pool: factor = 1.2
            case .identity, .communicate: factor = 1
            }
            total += graph.costs[node] * factor
            if mapping.steps[p].operation != .identity { total += 0.05e-3 }
        case .headLayer: total += graph.costs[node] * 1.4
        case .global, .input, .output: break
        }
    }
    return total + graph.transferSeconds * 1.2 + Double(mapping.crossings.count) * 0.2e-3
}

/// A fresh, unique temporary directory for one test.
func temporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "predictor-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
