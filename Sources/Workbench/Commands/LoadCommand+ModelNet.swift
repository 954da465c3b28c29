import Foundation
import HDF5

/// The ModelNet40 conventions of `load`: a folder or pattern of `ply_data_train*.h5` and `ply_data_test*.h5`
/// loads as train and test splits (never concatenated, so no test cloud leaks into training), and
/// `shape_names.txt` beside the files names the classes.
extension LoadCommand {
    /// The files split by name into training (`train` in the name) and test (`test`) files, when every file
    /// is one or the other and both kinds are present.
    static func splitByName(_ files: [String]) -> (train: [String], test: [String])? {
        func name(_ path: String) -> String { (path as NSString).lastPathComponent.lowercased() }
        let train = files.filter { name($0).contains("train") && !name($0).contains("test") }
        let test = files.filter { name($0).contains("test") && !name($0).contains("train") }
        guard !train.isEmpty, !test.isEmpty, train.count + test.count == files.count else { return nil }
        return (train, test)
    }

    /// The class names in `shape_names.txt` beside `file` (one per line, blank lines ignored), if it exists.
    static func shapeNames(beside file: String) throws -> [String]? {
        let path = ((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent("shape_names.txt")
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw HDF5Error(file: path, reason: .invalidContent, message: "cannot be read as UTF-8 text")
        }
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// `set` with `names` as its class names when it has none; throws when a label has no name.
    static func naming(_ set: PointCloudSet, _ names: [String]?, source file: String) throws -> PointCloudSet {
        guard let names, set.classNames.isEmpty else { return set }
        if let label = set.labels.first(where: { Int($0) >= names.count }) {
            let list = ((file as NSString).deletingLastPathComponent as NSString)
                .appendingPathComponent("shape_names.txt")
            throw HDF5Error(
                file: list, reason: .invalidContent,
                message: "names \(names.count) classes, but the data has label \(label); fix or remove the file")
        }
        var named = set
        named.classNames = names
        return named
    }

    /// Point clouds from `source`: splits when its files divide into train and test files, else one set;
    /// named from `shape_names.txt` when present.
    static func loadPointClouds(_ source: HDF5Source) throws -> any NamedValue {
        let names = try shapeNames(beside: source.files[0])
        if let (train, test) = splitByName(source.files) {
            return PointCloudSplits(
                train: try naming(PointCloudSet.read(files: train, group: source.group), names, source: train[0]),
                test: try naming(PointCloudSet.read(files: test, group: source.group), names, source: test[0]))
        }
        return try naming(PointCloudSet.read(files: source.files, group: source.group), names, source: source.files[0])
    }
}
