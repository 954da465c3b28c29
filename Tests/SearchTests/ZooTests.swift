import Design
import Foundation
import FoundationXML
import HDF5
import Search
import Tensor
import Testing

@Suite struct ZooTests {
    /// A zoo from a real (small) search over three bandwidths.
    func searchedZoo() throws -> (SearchState, Zoo) {
        let budget = try sampledLatencies(count: 20, seed: 12, bandwidth: 40)[14]
        var targets = SearchTarget.grid(latencyBudgetSeconds: budget, bandwidthsMbps: [10, 40, 100])
        targets.append(SearchTarget(latencyBudgetSeconds: budget, energyBudgetJoules: 1, bandwidthMbps: 40))
        var state = try SearchState(
            space: searchSpace, targets: targets,
            options: SearchOptions(samples: 12, generations: 1, children: 4, seed: 2))
        var accuracy = supernetAccuracy()
        try state.run(cost: testCost, accuracy: &accuracy)
        return (state, Zoo(state, costModel: testCost.name, accuracyModel: accuracy.name))
    }

    @Test func zooHoldsTheBestPerTargetAndTheFrontPerBandwidth() throws {
        let (state, zoo) = try searchedZoo()
        let outcomes = state.outcomes
        #expect(zoo.members.count == outcomes.filter { $0.best != nil }.count)
        #expect(!zoo.members.isEmpty)
        for member in zoo.members {
            let t = try #require(state.targets.firstIndex { $0 == member.target })
            #expect(member.architecture == state.designs[outcomes[t].best ?? -1].architecture)
            #expect(member.cost.latencySeconds <= state.targets[t].latencyBudgetSeconds)
            #expect(member.name == state.targets[t].name)
        }
        #expect(Set(zoo.front.map(\.bandwidthMbps)) == [10, 40, 100])
        let scored = state.designs.filter { $0.score != nil }
        for member in zoo.front {
            let t = try #require(state.targets.firstIndex { $0.bandwidthMbps == member.bandwidthMbps })
            // No scored design is at least as accurate and as fast, and better in one.
            let dominated = scored.contains {
                let (a, l) = ($0.score?.accuracy ?? 0, $0.costs[t].latencySeconds)
                return a >= member.score.accuracy && l <= member.cost.latencySeconds
                    && (a > member.score.accuracy || l < member.cost.latencySeconds)
            }
            #expect(!dominated, "\(member.name)")
        }
        #expect(Set(zoo.members.map(\.name) + zoo.front.map(\.name)).count == zoo.members.count + zoo.front.count)
    }

    @Test func zooRoundTripsThroughHDF5() throws {
        let (_, zoo) = try searchedZoo()
        let folder = try TemporaryFolder()
        let path = folder.file("zoo.h5")
        try zoo.save(to: path)
        #expect(try Zoo.load(from: path) == zoo)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["zoo.h5"], "no temporary left")
    }

    @Test func zooFileIsReadableByH5pyWithDocumentedAttributes() throws {
        let venv =
            ProcessInfo.processInfo.environment["TANDEM_VENV"]
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/tandem/venv").path
        let python = venv + "/bin/python"
        guard FileManager.default.isExecutableFile(atPath: python) else {
            print("skipping the h5py cross-check: no venv at \(python) (run scripts/setup --torch)")
            return
        }
        let (_, zoo) = try searchedZoo()
        let folder = try TemporaryFolder()
        let path = folder.file("zoo.h5")
        let weights = describedWeights(of: zoo)
        try zoo.save(to: path, weights: weights)
        let json = try runPython(python, script: "scripts/h5_read_check.py", path)
        let attributes = json["attributes"] as? [String: [String: Any]] ?? [:]
        let root = attributes["/"] ?? [:]
        #expect(root["tandem_kind"] as? String == "tandem-zoo")
        #expect((root["space_k"] as? NSNumber)?.intValue == searchSpace.k)
        #expect((root["space_points"] as? NSNumber)?.intValue == searchSpace.pointsPerCloud)
        #expect(root["member_names"] as? [String] == zoo.members.map(\.name))
        // The system, the input the models expect, and the units, read independently.
        #expect(root["system"] as? String == "pi-i7")
        #expect(root["system_description"] as? String == weights.systemDescription)
        #expect((root["batch_size"] as? NSNumber)?.intValue == 1)
        #expect((root["units"] as? String)?.contains("latency s and energy J") == true)
        #expect(root["class_names"] as? [String] == ["sphere", "cylinder", "torus"])
        #expect(root["input_transform"] as? String == "none")
        #expect((root["input_layout"] as? String)?.hasPrefix("float32 [points, 3] xyz") == true)
        #expect(number(root["input_centroid_max"]) == weights.input.centroidMax)
        #expect(number(root["input_radius_mean"]) == weights.input.radiusMean)
        #expect((root["training_augmentation"] as? [Any] ?? []).map(number) == [0.8, 1.25, 0.1, 0.005, 0.05].map {
            Double(Float($0))
        })
        for member in zoo.members {
            let read = attributes["/members/" + member.name] ?? [:]
            if let record = weights.retrained[member.name] {
                #expect(read["retrained_mode"] as? String == "finetune")
                #expect((read["retrained_epochs"] as? NSNumber)?.intValue == record.epochs)
                #expect((read["retrained_seed"] as? NSNumber)?.intValue == 11)
                #expect((read["retrained_batch"] as? NSNumber)?.intValue == 8)
                #expect(number(read["retrained_lr"]) == 0.0005)
                #expect(number(read["retrained_accuracy"]) == 0.625)
                #expect(number(read["retrained_mean_class_accuracy"]) == 0.6)
                #expect(number(read["retrained_loss"]) == 0.875)
                #expect(number(read["accuracy"]) == member.score.accuracy, "the inherited accuracy stays")
            } else {
                #expect(read["retrained_mode"] == nil)
            }
            if let measured = weights.measured[member.name] {
                #expect(number(read["measured_latency_s"]) == measured.latencySeconds)
                #expect(number(read["measured_energy_J"]) == measured.deviceEnergyJoules)
            }
        }
        for member in zoo.members + zoo.front {
            let group = (member.target == nil ? "/front/" : "/members/") + member.name
            let read = try #require(attributes[group], "h5py sees \(group)")
            let encoding = (read["architecture"] as? [Any] ?? []).map { ($0 as? NSNumber)?.intValue ?? -1 }
            #expect(encoding == member.architecture.encoding)
            #expect(read["architecture_text"] as? String == member.architecture.text)
            #expect(read["mode"] as? String == member.mode?.rawValue)
            #expect(number(read["predicted_latency_s"]) == member.cost.latencySeconds)
            #expect(number(read["predicted_energy_J"]) == member.cost.deviceEnergyJoules)
            #expect(number(read["bandwidth_mbps"]) == member.bandwidthMbps)
            #expect(number(read["accuracy"]) == member.score.accuracy)
            #expect((read["k"] as? NSNumber)?.intValue == searchSpace.k)
            #expect((read["points"] as? NSNumber)?.intValue == searchSpace.pointsPerCloud)
            if let target = member.target {
                #expect(number(read["budget_latency_s"]) == target.latencyBudgetSeconds)
                #expect(
                    target.energyBudgetJoules.map { number(read["budget_energy_J"]) == $0 }
                        ?? (read["budget_energy_J"] == nil))
            }
        }
    }

    @Test func paretoPlotIsWellFormedSVGWithUnitsAndMarks() throws {
        let (_, zoo) = try searchedZoo()
        let folder = try TemporaryFolder()
        let path = folder.file("front.svg")
        let references = [
            ReferencePoint(name: "DGCNN <device>", accuracy: 0.9, latencySeconds: 2.5),
            ReferencePoint(name: "PointNet & co", accuracy: 0.8, latencySeconds: 0.01),
        ]
        let plot = ParetoPlot(zoo: zoo, references: references)
        try plot.write(to: path)
        let data = try #require(FileManager.default.contents(atPath: path))
        let parser = XMLParser(data: data)
        let collector = ElementCollector()
        parser.delegate = collector
        #expect(parser.parse(), "the SVG must be well-formed XML: \(String(describing: parser.parserError))")
        #expect(collector.root == "svg")
        let text = collector.text
        #expect(text.contains("predicted latency per sample (ms)"))
        #expect(text.contains("accuracy (%)"))
        #expect(text.contains("DGCNN <device>") && text.contains("PointNet & co"))
        for member in zoo.members { #expect(text.contains(member.name)) }
        #expect(collector.counts["circle", default: 0] >= zoo.front.count + zoo.members.count)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["front.svg"])
    }

    func number(_ value: Any?) -> Double {
        if let text = value as? String { return Double(text) ?? .nan }
        return (value as? NSNumber)?.doubleValue ?? .nan
    }

    func runPython(_ python: String, script: String, _ argument: String) throws -> [String: Any] {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [repository.appendingPathComponent(script).path, argument]
        var environment = ProcessInfo.processInfo.environment
        environment["HDF5_USE_FILE_LOCKING"] = "FALSE"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(script) failed")
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}

/// Collects the root element, element counts and all character data of an XML document.
final class ElementCollector: NSObject, XMLParserDelegate {
    var root: String?
    var counts: [String: Int] = [:]
    var text = ""

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if root == nil { root = elementName }
        counts[elementName, default: 0] += 1
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}
