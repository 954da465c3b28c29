import GNN
import HDF5
import Tensor

extension ArchitectureModel {
    /// The value of the root `model` attribute of an architecture model file.
    public static let modelKind = "architecture"

    /// Writes the model to `path` atomically, in GNN's model-file layout: root attributes `format`
    /// ("tandem-model"), `version` (1), `model` ("architecture"), `architecture` (dataset form), `text`
    /// (readable form), `classes`, `hidden`, `dropout`, the space (`space_*`), and `class_names` when given;
    /// one gzip-compressed float32 dataset per tensor at its path (`/pos3/combine/weight`,
    /// `/head/fc1/bn/gamma`), `weight_layout` (GNN's `ModelFile.weightLayout`) and the caller's `attributes`.
    public func save(to path: String, classNames: [String] = [], attributes: [String: HDF5AttributeValue] = [:])
        throws
    {
        do {
            try HDF5File.write(to: path) { file in
                try file.setAttribute("format", to: .string(ModelFile.format))
                try file.setAttribute("weight_layout", to: .string(ModelFile.weightLayout))
                for (name, value) in attributes.sorted(by: { $0.key < $1.key }) {
                    try file.setAttribute(name, to: value)
                }
                try file.setAttribute("version", to: .int(1))
                try file.setAttribute("model", to: .string(ArchitectureModel.modelKind))
                try file.setAttribute("architecture", to: .string(architecture.datasetForm))
                try file.setAttribute("text", to: .string(architecture.text))
                try file.setAttribute("classes", to: .int(Int64(classes)))
                try file.setAttribute("hidden", to: .ints(space.headWidths.map { Int64($0) }))
                try file.setAttribute("dropout", to: .double(Double(dropout)))
                if !classNames.isEmpty { try file.setAttribute("class_names", to: .strings(classNames)) }
                try space.writeAttributes(to: file)
                try file.writeTensors(store.parameters.merging(store.buffers) { a, _ in a }, options: .compressed)
            }
        } catch let error as HDF5Error {
            throw DesignError.file(path: path, detail: "cannot save the model: \(error)")
        }
    }

    /// Whether `path` is a Tandem model file holding an architecture model (not a DGCNN or PointNet).
    public static func isArchitectureModelFile(_ path: String) -> Bool {
        guard
            let kind = try? HDF5File.read(
                path,
                { file -> String? in
                    guard try file.attributeIfPresent("format")?.stringValue == ModelFile.format else { return nil }
                    return try file.attributeIfPresent("model")?.stringValue
                })
        else { return false }
        return kind == modelKind
    }

    /// Reads a model written by `save` with its class names, checking every tensor's presence and shape.
    public static func load(_ path: String) throws -> (model: ArchitectureModel, classNames: [String]) {
        do {
            return try HDF5File.read(path) { file in
                guard try file.attributeIfPresent("format")?.stringValue == ModelFile.format,
                    try file.attributeIfPresent("model")?.stringValue == modelKind
                else {
                    throw DesignError.file(
                        path: path, detail: "not an architecture model (root attributes 'format', 'model')")
                }
                let space = try DesignSpace.read(from: file, path: path)
                guard let form = try file.attributeIfPresent("architecture")?.stringValue else {
                    throw DesignError.file(path: path, detail: "root attribute 'architecture' is missing")
                }
                let architecture = try Architecture.parse(form, in: space)
                let dropout = Float(try file.attributeIfPresent("dropout")?.doubleValue ?? 0.5)
                var generator = SeededGenerator(seed: 0)
                let template = try ArchitectureModel(
                    architecture, space: space, dropout: dropout, generator: &generator)
                let tensors = try file.readTensors()
                var store = template.store
                for (name, expected) in template.store.parameters {
                    store.parameters[name] = try Supernet.tensor(name, in: tensors, shape: expected.shape, path, "")
                }
                for (name, expected) in template.store.buffers {
                    store.buffers[name] = try Supernet.tensor(name, in: tensors, shape: expected.shape, path, "")
                }
                let names = try file.attributeIfPresent("class_names")?.stringsValue ?? []
                return (
                    ArchitectureModel(architecture: architecture, space: space, dropout: dropout, store: store), names
                )
            }
        } catch let error as HDF5Error {
            throw DesignError.file(path: path, detail: "cannot load the model: \(error)")
        }
    }
}
