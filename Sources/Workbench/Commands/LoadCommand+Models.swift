import Design
import Foundation
import GNN

extension LoadCommand {
    /// The model or supernet in the HDF5 file at `path` (by its root `format` attribute), or nil when the
    /// path is not such a file.
    static func loadModel(_ path: String) throws -> (any NamedValue)? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
            return nil
        }
        if Supernet.isSupernetFile(path) { return SupernetValue(try Supernet.load(path)) }
        if ArchitectureModel.isArchitectureModelFile(path) {
            let (model, names) = try ArchitectureModel.load(path)
            return try ModelValue(.architecture(model), classNames: names, points: model.space.pointsPerCloud)
                .readingRecord(from: path)
        }
        if ModelFile.isModelFile(path) {
            let (model, names) = try ModelFile.load(path)
            return try ModelValue(.baseline(model), classNames: names).readingRecord(from: path)
        }
        return nil
    }
}
