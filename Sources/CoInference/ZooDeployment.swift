import Design
import Foundation
import HDF5
import Search

/// A zoo with its members' weights as the engine runs it: each member a deployable model, and the candidates
/// of a member table (see README, "Runtime dispatcher").
public struct ZooDeployment: Sendable {
    /// The zoo.
    public var zoo: Zoo
    /// Its weights, measured figures and system.
    public var weights: ZooWeights

    /// A deployment of `zoo` with `weights`.
    public init(zoo: Zoo, weights: ZooWeights) {
        self.zoo = zoo
        self.weights = weights
    }

    /// The zoo file at `path` with its weights; throws the Search loader's error naming what is wrong.
    public static func load(_ path: String) throws -> ZooDeployment {
        let zoo = try Zoo.load(from: path)
        return ZooDeployment(zoo: zoo, weights: try ZooWeights.load(from: path, zoo: zoo))
    }

    /// Whether `path` is an HDF5 file whose root `tandem_kind` is the zoo's.
    public static func isZooFile(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
            return false
        }
        let kind = try? HDF5File.read(path) { try $0.attributeIfPresent("tandem_kind")?.stringValue }
        return kind == ZooFile.kind
    }

    /// The members that carry weights, in the zoo's order, each with its deployable model.
    public var models: [(name: String, model: DeployableModel)] {
        zoo.members.compactMap { member in
            weights.models[member.name].map {
                (member.name, DeployableModel(architecture: $0, classNames: weights.input.classNames))
            }
        }
    }

    /// The model of member `name`; throws a `CoInferenceError` naming the members with weights otherwise.
    public func model(named name: String) throws(CoInferenceError) -> DeployableModel {
        guard let model = weights.models[name] else {
            throw CoInferenceError(
                origin: "zoo",
                message: "no member '\(name)' with weights (members: \(models.map(\.name).joined(separator: ", ")))")
        }
        return DeployableModel(architecture: model, classNames: weights.input.classNames)
    }

    /// One candidate per member with weights (its own mapping; the accuracy of the weights it carries: the
    /// retrained accuracy when retrained, else the inherited-weight one), except that of the members that run
    /// wholly on the device (mode `D`, or a plan with no edge step, such as `comm | comm` with nothing between)
    /// only one is kept, since a table holds exactly one device-only member: the zoo's fallback member if it
    /// is one of them, else the most accurate. Without any, the fallback is the most accurate member's network
    /// run wholly on the device (named `NAME device-only`). Throws a `CoInferenceError` when no member has
    /// weights.
    public func candidates() throws(CoInferenceError) -> [MemberTable.Candidate] {
        let fallback = weights.fallbackMember(of: zoo)
        var all: [(candidate: MemberTable.Candidate, local: Bool)] = []
        var mostAccurate: (name: String, model: DeployableModel, accuracy: Double)?
        for member in zoo.members {
            guard let weighted = weights.models[member.name] else { continue }
            let model = DeployableModel(architecture: weighted, classNames: weights.input.classNames)
            let accuracy = weights.retrained[member.name]?.accuracy ?? member.score.accuracy
            if mostAccurate == nil || accuracy > mostAccurate?.accuracy ?? 0 {
                mostAccurate = (member.name, model, accuracy)
            }
            let candidate = MemberTable.Candidate(name: member.name, model: model, split: nil, accuracy: accuracy)
            let segments = (try? model.plan(split: nil))?.segments.count
            all.append((candidate, member.mode == .d || segments == 1))
        }
        guard let best = mostAccurate else {
            throw CoInferenceError(
                origin: "zoo", message: "no member carries weights: save the zoo from a search (`export Z to F.h5`)")
        }
        let local = all.filter(\.local).map(\.candidate)
        let kept =
            local.first { $0.name == fallback } ?? local.max { ($0.accuracy ?? 0) < ($1.accuracy ?? 0) }
        var result = all.filter { !$0.local || $0.candidate.name == kept?.name }.map(\.candidate)
        if kept == nil {
            result.append(
                MemberTable.Candidate(
                    name: best.name + " device-only", model: best.model, split: nil, accuracy: best.accuracy,
                    onDevice: true))
        }
        return result
    }
}

extension MemberTable {
    /// The table of a zoo: `deployment.candidates()` calibrated against `edge` (see `calibrated`), which
    /// must serve every member's model.
    public static func calibrated(
        _ deployment: ZooDeployment, edge: Endpoint, options: DeviceOptions, samples: [DeviceRuntime.Sample],
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) throws -> MemberTable {
        try calibrated(try deployment.candidates(), edge: edge, options: options, samples: samples, log: log)
    }
}
