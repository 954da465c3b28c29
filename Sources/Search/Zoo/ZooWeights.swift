import Design
import HDF5
import Tensor

/// What a zoo file holds beside the zoo's attributes: the system searched for, each member's weights and its
/// engine-measured figures, and the device-only fallback.
///
/// Layout (added to `ZooFile`'s): root attributes `system` (its name), `system_description` (device and its
/// slow-down factor, edge, link delay: what the figures were measured on), `batch_size` 1 (figures are per
/// sample), `units` (the figures' units in words), the input description of `ZooInput` (`class_names` when the data has them, `input_layout`,
/// `input_transform`, `input_centroid_max`, `input_radius_mean`, `training_augmentation`); root `fallback_member`, the name of the member whose
/// whole network runs on the device (mode `D`) with the lowest latency, measured else predicted (empty when no
/// member is device-only: then each member's own model, which computes the whole network, is its fallback —
/// the engine runs it on the device when the edge fails); per member `members/NAME/` attributes
/// `measured_latency_s` and `measured_energy_J` when measured (engine, virtual clock, median per request),
/// `dropout`, when retrained the `retrained_*` attributes of `ZooRetraining` (`retrained_mode` `scratch` or
/// `finetune`, `retrained_epochs`, `retrained_seed`, `retrained_batch`, `retrained_lr`, `retrained_accuracy`,
/// `retrained_mean_class_accuracy`, `retrained_loss`; the inherited-weight `accuracy` stays), and its weights
/// (the retrained ones when retrained) and BatchNorm statistics as float32 datasets under `members/NAME/model/` at the model file's tensor paths
/// (`pos3/combine/weight`, `head/fc1/bn/running_mean`), as `ArchitectureModel.save` writes them at the root.
public struct ZooWeights: Sendable {
    /// The system's name.
    public var systemName: String
    /// Measured end-to-end latency and device energy per member name.
    public var measured: [String: CostEstimate]
    /// Each member's model by member name.
    public var models: [String: ArchitectureModel]
    /// What the system is (device, factor, edge, link delay), for readers of the file.
    public var systemDescription: String
    /// What the models expect as input.
    public var input: ZooInput
    /// How members were retrained, by member name (members absent keep their inherited weights).
    public var retrained: [String: ZooRetraining]

    /// Weights and figures from their parts.
    public init(
        systemName: String = "", measured: [String: CostEstimate] = [:], models: [String: ArchitectureModel] = [:],
        systemDescription: String = "", input: ZooInput = ZooInput(), retrained: [String: ZooRetraining] = [:]
    ) {
        self.systemName = systemName
        self.measured = measured
        self.models = models
        self.systemDescription = systemDescription
        self.input = input
        self.retrained = retrained
    }

    /// The root attribute `units`: what the figures' units are.
    public static let units =
        "latency s and energy J (device, per sample, batch 1), bandwidth Mbit/s, accuracy a fraction of 1"

    /// The device-only member with the lowest latency (measured when known, else predicted), if any.
    public func fallbackMember(of zoo: Zoo) -> String? {
        zoo.members.filter { $0.mode == .d }
            .min { latency(of: $0) < latency(of: $1) || (latency(of: $0) == latency(of: $1) && $0.name < $1.name) }?
            .name
    }

    /// A member's measured latency, else its predicted one.
    func latency(of member: ZooMember) -> Double { measured[member.name]?.latencySeconds ?? member.cost.latencySeconds }

    /// Writes the attributes and tensors of `zoo`'s members into `file`.
    func write(to file: HDF5File, zoo: Zoo) throws {
        try file.setAttribute("system", to: .string(systemName))
        try file.setAttribute("system_description", to: .string(systemDescription))
        try file.setAttribute("batch_size", to: .int(1))
        try file.setAttribute("units", to: .string(ZooWeights.units))
        try input.write(to: file)
        try file.setAttribute("fallback_member", to: .string(fallbackMember(of: zoo) ?? ""))
        for member in zoo.members {
            let group = "members/" + member.name
            try retrained[member.name]?.write(to: file, at: group)
            if let figures = measured[member.name] {
                try file.setAttribute("measured_latency_s", to: .double(figures.latencySeconds), at: group)
                try file.setAttribute("measured_energy_J", to: .double(figures.deviceEnergyJoules), at: group)
            }
            guard let model = models[member.name] else { continue }
            try file.setAttribute("dropout", to: .double(Double(model.dropout)), at: group)
            try file.writeTensors(
                model.store.parameters.merging(model.store.buffers) { a, _ in a }, under: group + "/model",
                options: .compressed)
        }
    }

    /// The weights and figures saved with `zoo` at `path`; throws `SearchError.file` naming a missing or
    /// mis-shaped tensor.
    public static func load(from path: String, zoo: Zoo) throws -> ZooWeights {
        try HDF5File.read(path) { file in
            var result = ZooWeights(
                systemName: try file.attributeIfPresent("system")?.stringValue ?? "",
                systemDescription: try file.attributeIfPresent("system_description")?.stringValue ?? "",
                input: try ZooInput.read(from: file, path: path))
            for member in zoo.members {
                let group = "members/" + member.name
                result.retrained[member.name] = try ZooRetraining.read(from: file, at: group, path: path)
                if let latency = try file.attributeIfPresent("measured_latency_s", at: group)?.doubleValue,
                    let energy = try file.attributeIfPresent("measured_energy_J", at: group)?.doubleValue
                {
                    result.measured[member.name] = CostEstimate(latencySeconds: latency, deviceEnergyJoules: energy)
                }
                guard try file.exists(group + "/model") else { continue }
                let dropout = Float(try file.attributeIfPresent("dropout", at: group)?.doubleValue ?? 0.5)
                var generator = SeededGenerator(seed: 0)
                let template = try ArchitectureModel(
                    member.architecture, space: zoo.space, dropout: dropout, generator: &generator)
                let tensors = try file.readTensors(under: group + "/model")
                var model = template
                func read(_ name: String, _ expected: Tensor) throws -> Tensor {
                    guard let found = tensors[name], found.shape == expected.shape else {
                        throw SearchError.file(
                            path: path,
                            detail: "tensor '\(group)/model/\(name)' is missing or not of shape \(expected.shape)")
                    }
                    return found
                }
                for (name, expected) in template.store.parameters {
                    model.store.parameters[name] = try read(name, expected)
                }
                for (name, expected) in template.store.buffers { model.store.buffers[name] = try read(name, expected) }
                result.models[member.name] = model
            }
            return result
        }
    }
}
