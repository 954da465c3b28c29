import Foundation
import Testing

/// A fresh temporary folder for one test, removed when the value is released.
final class TemporaryFolder {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tandem-hdf5-tests-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.path
    }

    func file(_ name: String) -> String { path + "/" + name }

    /// The names in the folder, sorted.
    func contents() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: path).sorted() }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Runs the repository's Python cross-check scripts with the project venv (`TANDEM_VENV`, default
/// `~/.cache/tandem/venv`).
enum PythonScripts {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The repository root, found from this source file's location.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var python: String {
        let venv =
            ProcessInfo.processInfo.environment["TANDEM_VENV"]
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/tandem/venv").path
        return venv + "/bin/python"
    }

    /// Runs `scripts/<name>` with `arguments` and returns its stdout parsed as JSON; a missing venv or h5py is
    /// a failure telling to run scripts/setup.
    static func runJSON(_ name: String, _ arguments: [String]) throws -> [String: Any] {
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw Failure(description: "no Python venv at \(python): run scripts/setup to create it with h5py")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [repository.appendingPathComponent("scripts/\(name)").path] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["HDF5_USE_FILE_LOCKING"] = "FALSE"
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if errorText.contains("No module named") {
            throw Failure(description: "h5py or numpy missing in \(python): run scripts/setup\n\(errorText)")
        }
        guard process.terminationStatus == 0 else {
            throw Failure(description: "scripts/\(name) failed (status \(process.terminationStatus)):\n\(errorText)")
        }
        guard let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Failure(description: "scripts/\(name) printed no JSON object")
        }
        return json
    }
}

/// JSON numbers as Swift values.
/// Floats arrive as repr strings (Foundation's JSON parser on Linux rounds the last digit of doubles).
func doubles(_ value: Any?) -> [Double] { (value as? [Any] ?? [value as Any]).map(double) }
func double(_ value: Any?) -> Double {
    if let text = value as? String { return Double(text) ?? .nan }
    return (value as? NSNumber)?.doubleValue ?? .nan
}

/// Records one issue naming the first differing element instead of printing both arrays.
func expectSame<T: Equatable>(
    _ actual: [T], _ expected: [T], _ name: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    if actual.count != expected.count {
        Issue.record("\(name): \(actual.count) values, expected \(expected.count)", sourceLocation: sourceLocation)
    } else if let index = actual.indices.first(where: { actual[$0] != expected[$0] }) {
        Issue.record(
            "\(name): element \(index) is \(actual[index]), expected \(expected[index])", sourceLocation: sourceLocation
        )
    }
}
func int64s(_ value: Any?) -> [Int64] { (value as? [Any] ?? []).map { ($0 as? NSNumber)?.int64Value ?? .min } }
func ints(_ value: Any?) -> [Int] { (value as? [Any] ?? []).map { ($0 as? NSNumber)?.intValue ?? -1 } }
