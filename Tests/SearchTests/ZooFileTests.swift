import Design
import Foundation
import FoundationXML
import GNN
import HDF5
import Search
import Tensor
import Testing

/// Weights of `zoo` without models: a system, a measurement and a retraining record for its first member, and
/// the input description of the search data.
func describedWeights(of zoo: Zoo) -> ZooWeights {
    let first = zoo.members.first?.name ?? ""
    return ZooWeights(
        systemName: "pi-i7",
        measured: [first: CostEstimate(latencySeconds: 0.0125, deviceEnergyJoules: 0.075)],
        systemDescription: "device pi4 ×10 (1 thread), edge host ×1 (1 thread), link 5 ms one way",
        input: ZooInput(
            describing: searchData.train, classNames: ["sphere", "cylinder", "torus"],
            augmentation: Augmentation(scale: 0.8...1.25, shift: 0.1, jitter: 0.005, jitterClip: 0.05)),
        retrained: [
            first: ZooRetraining(
                mode: .finetune, epochs: 7, seed: 11, batch: 8, learningRate: 0.0005, accuracy: 0.625,
                meanClassAccuracy: 0.6, loss: 0.875)
        ])
}

@Suite struct ZooFileTests {
    @Test func inputDescriptionGivesTheLargestCentroidOffsetAndTheMeanRadius() {
        // Cloud 0: centroid (0.5, 0.5, 0.5), farthest point (2, 0, 0) at √2.75; cloud 1: centroid (1, 1, 1),
        // every point at distance 1.
        let scalars: [Float] = [0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2, 2, 1, 1, 0, 1, 1, 1, 2, 1, 1, 0, 1]
        let data = PointCloudSet(points: Tensor(shape: [2, 4, 3], scalars: scalars), labels: [0, 1])
        let input = ZooInput(describing: data, classNames: ["a", "b"], augmentation: .none)
        #expect(abs(input.centroidMax - 3.0.squareRoot()) < 1e-12)
        #expect(abs(input.radiusMean - (2.75.squareRoot() + 1) / 2) < 1e-12)
        #expect(input.classNames == ["a", "b"] && input.augmentation == .none)
    }

    @Test func zooFileRoundTripsTheInputTheSystemAndTheRetraining() throws {
        let (_, zoo) = try ZooTests().searchedZoo()
        let folder = try TemporaryFolder()
        let path = folder.file("zoo.h5")
        let weights = describedWeights(of: zoo)
        try zoo.save(to: path, weights: weights)
        let back = try ZooWeights.load(from: path, zoo: try Zoo.load(from: path))
        #expect(back.input == weights.input)
        #expect(back.retrained == weights.retrained)
        #expect(back.measured == weights.measured)
        #expect(back.systemName == "pi-i7" && back.systemDescription == weights.systemDescription)
        // A file without the description reads with the defaults.
        try zoo.save(to: path)
        let bare = try ZooWeights.load(from: path, zoo: zoo)
        #expect(bare.input.classNames.isEmpty && bare.retrained.isEmpty)
    }

    @Test func plotMarksMeasuredMembersAndSaysWhichLatencyEachMarkUses() throws {
        let (_, zoo) = try ZooTests().searchedZoo()
        let member = try #require(zoo.members.first)
        let plot = ParetoPlot(
            zoo: zoo,
            references: [ReferencePoint(name: "pn device-only", accuracy: 0.5, latencySeconds: 0.02, measured: true)],
            measured: [member.name: member.cost.latencySeconds * 1.5])
        let parser = XMLParser(data: Data(plot.svg.utf8))
        let collector = ElementCollector()
        parser.delegate = collector
        #expect(parser.parse())
        // One square per measured member and its legend key, beside the rectangles of a plot without.
        let unmeasured = ElementCollector()
        let plain = XMLParser(data: Data(ParetoPlot(zoo: zoo).svg.utf8))
        plain.delegate = unmeasured
        #expect(plain.parse())
        #expect(collector.counts["rect", default: 0] == unmeasured.counts["rect", default: 0] + 2)
        #expect(collector.text.contains("chosen, predicted") && collector.text.contains("chosen, measured (engine)"))
        #expect(collector.text.contains("reference, measured (engine)"))
        #expect(collector.text.contains("Mbit/s, predicted"))
        #expect(!collector.text.contains("predicted latency per sample"))
        #expect(collector.text.contains("latency per sample (ms)"))
        let given = ParetoPlot(
            zoo: zoo, references: [ReferencePoint(name: "dgcnn", accuracy: 0.9, latencySeconds: 0.5)]
        ).svg
        #expect(given.contains("predicted latency per sample (ms)") && given.contains("reference, as given"))
    }
}
