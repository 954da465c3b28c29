import Foundation
import HDF5
import Search

extension LoadCommand {
    /// The zoo in the file at `path`, or one member's model for `FILE.h5/members/NAME`; nil when `path` is
    /// neither.
    static func loadZoo(_ path: String) throws -> (any NamedValue)? {
        if isZooFile(path) {
            let zoo = try Zoo.load(from: path)
            return ZooValue(zoo: zoo, weights: try ZooWeights.load(from: path, zoo: zoo))
        }
        let parts = path.components(separatedBy: "/members/")
        guard parts.count == 2, !parts[1].isEmpty, !parts[1].contains("/"), isZooFile(parts[0]) else { return nil }
        let zoo = try Zoo.load(from: parts[0])
        let weights = try ZooWeights.load(from: parts[0], zoo: zoo)
        guard let model = weights.models[parts[1]] else {
            throw SearchError.file(
                path: parts[0],
                detail: "has no weights for member '\(parts[1])' (members: "
                    + zoo.members.map(\.name).joined(separator: ", ") + ")")
        }
        return ModelValue(
            .architecture(model), classNames: weights.input.classNames, points: model.space.pointsPerCloud)
    }

    /// Whether `path` is an HDF5 file whose root `tandem_kind` is `tandem-zoo`.
    static func isZooFile(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
            return false
        }
        let kind = try? HDF5File.read(path) { try $0.attributeIfPresent("tandem_kind")?.stringValue }
        return kind == ZooFile.kind
    }
}
