import HDF5
import Tensor

/// Saving and loading baseline models as HDF5 files readable by h5py.
///
/// Layout: one group per layer at the root (`/edge1`, `/embed`, `/head/fc1`, …) holding float32 datasets
/// named after the parameters (`weight`, `bias`, `bn/gamma`, `bn/beta`, `bn/running_mean`, `bn/running_var`),
/// so a tensor's store path is its HDF5 path. Root attributes describe the architecture: `format`
/// ("tandem-model"), `version` (1), `model` ("dgcnn" or "pointnet"), `classes`, `hidden`, `dropout`, and
/// `k`, `edge_widths`, `embedding` (DGCNN) or `widths` (PointNet); `class_names` when known; `weight_layout`
/// (`weightLayout`). Tensors are stored with gzip.
public enum ModelFile {
    /// The value of the root `format` attribute.
    public static let format = "tandem-model"
    /// The root `weight_layout` attribute: how linear weights are stored.
    public static let weightLayout = "[in, out]: y = x W + b; the transpose of PyTorch's nn.Linear weight [out, in]"

    /// Writes `model` to `path` (atomically: a temporary file renamed on success), with `attributes` added
    /// at the root (the caller's record, such as how the model was trained).
    public static func save(
        _ model: BaselineModel, to path: String, classNames: [String] = [],
        attributes: [String: HDF5AttributeValue] = [:]
    ) throws {
        do {
            try HDF5File.write(to: path) { file in
                try file.setAttribute("format", to: .string(format))
                try file.setAttribute("weight_layout", to: .string(weightLayout))
                for (name, value) in attributes.sorted(by: { $0.key < $1.key }) {
                    try file.setAttribute(name, to: value)
                }
                try file.setAttribute("version", to: .int(1))
                try file.setAttribute("model", to: .string(model.kind))
                try file.setAttribute("classes", to: .int(Int64(model.classes)))
                if !classNames.isEmpty { try file.setAttribute("class_names", to: .strings(classNames)) }
                switch model {
                case .dgcnn(let m):
                    let c = m.configuration
                    try file.setAttribute("k", to: .int(Int64(c.k)))
                    try file.setAttribute("edge_widths", to: .ints(c.edgeWidths.map { Int64($0) }))
                    try file.setAttribute("embedding", to: .int(Int64(c.embedding)))
                    try file.setAttribute("hidden", to: .ints(c.hidden.map { Int64($0) }))
                    try file.setAttribute("dropout", to: .double(Double(c.dropout)))
                case .pointNet(let m):
                    let c = m.configuration
                    try file.setAttribute("widths", to: .ints(c.widths.map { Int64($0) }))
                    try file.setAttribute("hidden", to: .ints(c.hidden.map { Int64($0) }))
                    try file.setAttribute("dropout", to: .double(Double(c.dropout)))
                }
                let store = model.store
                try file.writeTensors(store.parameters.merging(store.buffers) { a, _ in a }, options: .compressed)
            }
        } catch let error as HDF5Error {
            throw GNNError(origin: path, message: "cannot save the model: \(error.message)")
        }
    }

    /// Whether `path` is an HDF5 file whose root `format` attribute says it is a Tandem model.
    public static func isModelFile(_ path: String) -> Bool {
        guard let value = try? HDF5File.read(path, { try $0.attributeIfPresent("format") }) else { return false }
        return value.stringValue == format
    }

    /// Reads a model and its class names (empty when the file has none).
    public static func load(_ path: String) throws -> (model: BaselineModel, classNames: [String]) {
        do {
            return try HDF5File.read(path) { file in
                guard try file.attributeIfPresent("format")?.stringValue == format else {
                    throw GNNError(
                        origin: path, message: "not a Tandem model file (root attribute 'format' is not '\(format)')")
                }
                let kind = try string("model", file, path)
                let classes = try int("classes", file, path)
                let hidden = try ints("hidden", file, path)
                let dropout = Float(try file.attribute("dropout").doubleValue ?? 0.5)
                let classNames = try file.attributeIfPresent("class_names")?.stringsValue ?? []
                let tensors = try file.readTensors()
                var generator = SeededGenerator(seed: 0)
                switch kind {
                case "dgcnn":
                    let configuration = DGCNN.Configuration(
                        classes: classes, k: try int("k", file, path), edgeWidths: try ints("edge_widths", file, path),
                        embedding: try int("embedding", file, path), hidden: hidden, dropout: dropout)
                    let template = DGCNN(configuration, generator: &generator)
                    let store = try fill(template.store, from: tensors, path)
                    return (.dgcnn(DGCNN(configuration, store: store)), classNames)
                case "pointnet":
                    let configuration = PointNet.Configuration(
                        classes: classes, widths: try ints("widths", file, path), hidden: hidden, dropout: dropout)
                    let template = PointNet(configuration, generator: &generator)
                    let store = try fill(template.store, from: tensors, path)
                    return (.pointNet(PointNet(configuration, store: store)), classNames)
                default:
                    throw GNNError(origin: path, message: "unknown model '\(kind)' (expected 'dgcnn' or 'pointnet')")
                }
            }
        } catch let error as HDF5Error {
            throw GNNError(origin: path, message: "cannot load the model: \(error.message)")
        }
    }

    /// The template's tensors replaced by the file's, checking that every name exists with the same shape.
    private static func fill(_ template: ParameterStore, from tensors: [String: Tensor], _ path: String) throws
        -> ParameterStore
    {
        var store = template
        for (name, expected) in template.parameters.merging(template.buffers, uniquingKeysWith: { a, _ in a }) {
            guard let found = tensors[name] else {
                throw GNNError(origin: path, message: "dataset '/\(name)' is missing")
            }
            guard found.shape == expected.shape else {
                throw GNNError(
                    origin: path, message: "dataset '/\(name)' has shape \(found.shape), expected \(expected.shape)")
            }
            if store.parameters[name] != nil { store.parameters[name] = found } else { store.buffers[name] = found }
        }
        return store
    }

    private static func string(_ name: String, _ file: HDF5File, _ path: String) throws -> String {
        guard let value = try file.attributeIfPresent(name)?.stringValue else {
            throw GNNError(origin: path, message: "root attribute '\(name)' is missing or not a string")
        }
        return value
    }

    private static func int(_ name: String, _ file: HDF5File, _ path: String) throws -> Int {
        guard let value = try file.attributeIfPresent(name)?.intValue, value > 0 else {
            throw GNNError(origin: path, message: "root attribute '\(name)' is missing or not a positive integer")
        }
        return Int(value)
    }

    private static func ints(_ name: String, _ file: HDF5File, _ path: String) throws -> [Int] {
        guard let values = try file.attributeIfPresent(name)?.intsValue, !values.isEmpty, values.allSatisfy({ $0 > 0 })
        else {
            throw GNNError(
                origin: path, message: "root attribute '\(name)' is missing or not a list of positive integers")
        }
        return values.map { Int($0) }
    }
}
