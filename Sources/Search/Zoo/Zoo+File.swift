import Design
import HDF5

/// The zoo file (HDF5, written to a temporary name and renamed; readable by h5py).
///
/// Root attributes: `tandem_kind` = `tandem-zoo`, `format_version` 1, the space (`space_*`, as in supernet
/// files: `space_k` is k, `space_points` is P), `cost_model`, `accuracy_model`, `member_names` and
/// `front_names` (the group names in order). Each best design is a group `members/NAME/` and each front
/// point a group `front/NAME/`, with attributes:
/// `architecture` int64[2·positions] (op ids then function ids), `architecture_text` (readable form),
/// `architecture_dataset_form`, `mode` (`D`, `E`, `DE`, `ED`, `DED`), `bandwidth_mbps`,
/// `predicted_latency_s`, `predicted_energy_J` (device energy per sample, by `cost_model`), `accuracy`,
/// `mean_class_accuracy` (fractions), `loss` (the inherited-weight supernet scores, kept after retraining),
/// `k`, `points`, and for best designs `budget_latency_s` and, when there is one, `budget_energy_J`. Units are
/// in the names: `_s` seconds, `_J` joules, `_mbps` Mbit/s. The system, the input the models expect (class
/// names, layout, normalisation), weights, measured figures, retraining and the device-only fallback: see
/// `ZooWeights`, `ZooInput` and `ZooRetraining`.
public enum ZooFile {
    /// The `tandem_kind` attribute of zoo files.
    public static let kind = "tandem-zoo"
    /// The layout version written.
    public static let version: Int64 = 1
}

extension Zoo {
    /// Writes the zoo to `path` atomically (see `ZooFile` for the layout), with `weights` (see `ZooWeights`).
    public func save(to path: String, weights: ZooWeights = ZooWeights()) throws {
        try HDF5File.write(to: path) { file in
            try file.setAttribute("tandem_kind", to: .string(ZooFile.kind))
            try file.setAttribute("format_version", to: .int(ZooFile.version))
            try space.writeAttributes(to: file)
            try file.setAttribute("cost_model", to: .string(costModel))
            try file.setAttribute("accuracy_model", to: .string(accuracyModel))
            try file.setAttribute("member_names", to: .strings(members.map(\.name)))
            try file.setAttribute("front_names", to: .strings(front.map(\.name)))
            for member in members { try write(member, at: "members/" + member.name, in: file) }
            for member in front { try write(member, at: "front/" + member.name, in: file) }
            try weights.write(to: file, zoo: self)
        }
    }

    /// Writes one member's attributes on the group at `group`.
    func write(_ member: ZooMember, at group: String, in file: HDF5File) throws {
        try file.createGroup(group)
        var attributes: [(String, HDF5AttributeValue)] = [
            ("architecture", .ints(member.architecture.encoding.map(Int64.init))),
            ("architecture_text", .string(member.architecture.text)),
            ("architecture_dataset_form", .string(member.architecture.datasetForm)),
            ("mode", .string(member.mode?.rawValue ?? "")),
            ("bandwidth_mbps", .double(member.bandwidthMbps)),
            ("predicted_latency_s", .double(member.cost.latencySeconds)),
            ("predicted_energy_J", .double(member.cost.deviceEnergyJoules)),
            ("accuracy", .double(member.score.accuracy)),
            ("mean_class_accuracy", .double(member.score.meanClassAccuracy)),
            ("loss", .double(member.score.loss)),
            ("k", .int(Int64(space.k))),
            ("points", .int(Int64(space.pointsPerCloud))),
        ]
        if let target = member.target {
            attributes.append(("budget_latency_s", .double(target.latencyBudgetSeconds)))
            if let energy = target.energyBudgetJoules { attributes.append(("budget_energy_J", .double(energy))) }
        }
        for (name, value) in attributes { try file.setAttribute(name, to: value, at: group) }
    }

    /// The zoo saved at `path`; throws `SearchError.file` naming the object that is missing or wrong.
    public static func load(from path: String) throws -> Zoo {
        try HDF5File.read(path) { file in
            guard (try file.attributeIfPresent("tandem_kind"))?.stringValue == ZooFile.kind else {
                throw SearchError.file(path: path, detail: "not a zoo (tandem_kind is not '\(ZooFile.kind)')")
            }
            let space = try DesignSpace.read(from: file, path: path)
            func text(_ name: String, at group: String = "/") throws -> String {
                guard let value = try file.attributeIfPresent(name, at: group)?.stringValue else {
                    throw SearchError.file(
                        path: path, detail: "attribute '\(name)' of '\(group)' is missing or not text")
                }
                return value
            }
            func number(_ name: String, at group: String) throws -> Double {
                guard let value = try file.attributeIfPresent(name, at: group)?.doubleValue else {
                    throw SearchError.file(
                        path: path, detail: "attribute '\(name)' of '\(group)' is missing or not a number")
                }
                return value
            }
            func names(_ name: String) throws -> [String] {
                guard let value = try file.attributeIfPresent(name) else { return [] }
                guard let list = value.stringsValue else {
                    throw SearchError.file(path: path, detail: "root attribute '\(name)' is not a list of names")
                }
                return list
            }
            func member(_ name: String, under folder: String) throws -> ZooMember {
                let group = folder + "/" + name
                guard let encoding = try file.attributeIfPresent("architecture", at: group)?.intsValue else {
                    throw SearchError.file(path: path, detail: "attribute 'architecture' of '\(group)' is missing")
                }
                let architecture: Architecture
                do {
                    architecture = try Architecture(encoding: encoding.map { Int($0) }, in: space)
                } catch {
                    throw SearchError.file(path: path, detail: "'\(group)': \(error)")
                }
                let bandwidth = try number("bandwidth_mbps", at: group)
                var target: SearchTarget?
                if let budget = try file.attributeIfPresent("budget_latency_s", at: group)?.doubleValue {
                    let energy = try file.attributeIfPresent("budget_energy_J", at: group)?.doubleValue
                    target = SearchTarget(
                        latencyBudgetSeconds: budget, energyBudgetJoules: energy,
                        bandwidthMbps: bandwidth)
                }
                return ZooMember(
                    name: name, architecture: architecture, target: target, bandwidthMbps: bandwidth,
                    cost: CostEstimate(
                        latencySeconds: try number("predicted_latency_s", at: group),
                        deviceEnergyJoules: try number("predicted_energy_J", at: group)),
                    score: ArchitectureScore(
                        accuracy: try number("accuracy", at: group),
                        meanClassAccuracy: try number("mean_class_accuracy", at: group),
                        loss: try number("loss", at: group)))
            }
            return Zoo(
                space: space, members: try names("member_names").map { try member($0, under: "members") },
                front: try names("front_names").map { try member($0, under: "front") },
                costModel: try text("cost_model"), accuracyModel: try text("accuracy_model"))
        }
    }
}
