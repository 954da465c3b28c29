import GNN
import HDF5
import Tensor

/// Saving and loading predictors as HDF5 files readable by h5py.
///
/// Layout: one float32 dataset per parameter at its name (`/gin0/fc1/weight`, …, `/regressor/fc2/bias`).
/// Root attributes: `format` ("tandem-predictor"), `version` (2; version 1 files have no `mode` and load as
/// absolute), `mode` ("absolute" or "residual", `PredictorMode`), `feature_layout_version`, `feature_width`,
/// `target` ("latency" or "energy"), `unit` ("s" or "J"), `target_scale` (the normalisation: prediction =
/// output × target_scale), `layers`, `hidden`, `seed` (a decimal string: a UInt64 does not fit an int64
/// attribute), `members` (1 + the ensemble's other members; absent means 1). The other members' parameters sit
/// under `/member<i>/` (i from 1) with the same names. Written to a temporary name and renamed.
extension PredictorModel {
    /// The value of the root `format` attribute.
    public static let fileFormat = "tandem-predictor"

    /// Writes the model to `path` atomically.
    public func save(to path: String) throws(PredictorError) {
        do {
            try HDF5File.write(to: path) { file in
                try file.setAttribute("format", to: .string(Self.fileFormat))
                try file.setAttribute("version", to: .int(2))
                try file.setAttribute("mode", to: .string(mode.rawValue))
                try file.setAttribute("feature_layout_version", to: .int(Int64(featureLayoutVersion)))
                try file.setAttribute("feature_width", to: .int(Int64(FeatureLayout.width)))
                try file.setAttribute("target", to: .string(target.rawValue))
                try file.setAttribute("unit", to: .string(target.unit))
                try file.setAttribute("target_scale", to: .double(targetScale))
                try file.setAttribute("layers", to: .int(Int64(network.layers)))
                try file.setAttribute("hidden", to: .int(Int64(network.hiddenWidth)))
                try file.setAttribute("seed", to: .string(String(seed)))
                try file.setAttribute("members", to: .int(Int64(1 + otherMembers.count)))
                try file.writeTensors(store.parameters)
                for (index, member) in otherMembers.enumerated() {
                    try file.writeTensors(
                        Dictionary(uniqueKeysWithValues: member.parameters.map { ("member\(index + 1)/" + $0, $1) }))
                }
            }
        } catch let error as PredictorError {
            throw error
        } catch {
            throw PredictorError(origin: path, message: "cannot save the predictor: \(error)")
        }
    }

    /// Reads a model written by `save(to:)`, checking every attribute and every parameter's shape.
    public static func load(_ path: String) throws(PredictorError) -> PredictorModel {
        do {
            return try HDF5File.read(path) { file throws -> PredictorModel in
                guard try file.attributeIfPresent("format")?.stringValue == fileFormat else {
                    throw PredictorError(
                        origin: path, message: "not a Tandem predictor (root attribute 'format' is not '\(fileFormat)')"
                    )
                }
                func int(_ name: String) throws -> Int {
                    guard let value = try file.attributeIfPresent(name)?.intValue, value > 0 else {
                        throw PredictorError(
                            origin: path, message: "root attribute '\(name)' is missing or not a positive integer")
                    }
                    return Int(value)
                }
                let layout = try int("feature_layout_version")
                guard layout == FeatureLayout.version, try int("feature_width") == FeatureLayout.width else {
                    throw PredictorError(
                        origin: path,
                        message: "feature layout version \(layout) is not this build's \(FeatureLayout.version); "
                            + "retrain the predictor")
                }
                guard let targetName = try file.attributeIfPresent("target")?.stringValue,
                    let target = PredictionTarget(rawValue: targetName)
                else {
                    throw PredictorError(
                        origin: path, message: "root attribute 'target' is missing or not 'latency' or 'energy'")
                }
                guard let scale = try file.attributeIfPresent("target_scale")?.doubleValue, scale > 0, scale.isFinite
                else {
                    throw PredictorError(
                        origin: path, message: "root attribute 'target_scale' is missing or not a positive number")
                }
                guard let seedText = try file.attributeIfPresent("seed")?.stringValue, let seed = UInt64(seedText)
                else {
                    throw PredictorError(
                        origin: path, message: "root attribute 'seed' is missing or not an unsigned integer string")
                }
                var mode = PredictorMode.absolute
                if let modeName = try file.attributeIfPresent("mode")?.stringValue {
                    guard let found = PredictorMode(rawValue: modeName) else {
                        throw PredictorError(
                            origin: path,
                            message: "root attribute 'mode' is '\(modeName)', not 'absolute' or 'residual'")
                    }
                    mode = found
                }
                let network = GINNetwork(layers: try int("layers"), hiddenWidth: try int("hidden"))
                let tensors = try file.readTensors()
                var generator = SeededGenerator(seed: 0)
                var store = network.initialParameters(generator: &generator)
                let fresh = store
                func member(_ prefix: String) throws -> ParameterStore {
                    var member = fresh
                    for (name, expected) in fresh.parameters {
                        guard let found = tensors[prefix + name] else {
                            throw PredictorError(origin: path, message: "dataset '/\(prefix + name)' is missing")
                        }
                        guard found.shape == expected.shape else {
                            throw PredictorError(
                                origin: path,
                                message:
                                    "dataset '/\(prefix + name)' has shape \(found.shape), expected \(expected.shape)")
                        }
                        member.parameters[name] = found
                    }
                    return member
                }
                store = try member("")
                let members = try file.attributeIfPresent("members") == nil ? 1 : try int("members")
                let others = try (1..<max(1, members)).map { try member("member\($0)/") }
                var model = PredictorModel(
                    network: network, store: store, target: target, targetScale: scale, seed: seed,
                    featureLayoutVersion: layout, mode: mode)
                model.otherMembers = others
                return model
            }
        } catch let error as PredictorError {
            throw error
        } catch {
            throw PredictorError(origin: path, message: "cannot load the predictor: \(error)")
        }
    }
}
