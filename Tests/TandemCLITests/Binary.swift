import Foundation

/// Runs the built `tandem` binary (next to the test bundle, else in `.build/debug`).
enum Binary {
    /// The path of the built `tandem`.
    static let path: String = {
        let besideRunner = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for folder in [besideRunner, besideRunner.deletingLastPathComponent()] {
            let candidate = folder.appendingPathComponent("tandem").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/tandem").path
    }()

    /// What a run printed and its exit status.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `tandem arguments` in `directory` with `input` on standard input (a pipe).
    static func run(
        _ arguments: [String], input: String = "", directory: String? = nil, environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }

    /// Commands that train a tiny supernet on shapes `d`, search it into a zoo `z` at `bandwidths` (Mbit/s,
    /// comma-separated), run `then` (e.g. a retraining) and export `z.h5` and `d.h5`.
    static func tinyZooScript(bandwidths: String, then: String = "") -> String {
        "make shapes classes=2 train=4 test=3 points=64 seed=5 as d; space small modes=DE,E classes=2 as s; "
            + "supernet new in s epochs=1 batch=4 seed=7 as sn; supernet train sn on d; "
            + "profile pi-i7 in s repeat=1 warmup=0 as t; "
            + "search sn on d cost=t latency<=1s bandwidths=\(bandwidths) samples=4 children=2 seed=3 "
            + "generations=0 measure=0 as z; \(then)export z to z.h5; export d to d.h5"
    }

    /// A fresh empty directory.
    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "tandem-cli-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Starts `tandem edge` on an ephemeral port serving `models`; returns the process, its log pipe, the log
    /// so far and the port.
    static func startEdge(_ models: [String], directory: String) throws -> (Process, Pipe, String, String) {
        let edge = Process()
        edge.executableURL = URL(fileURLWithPath: Binary.path)
        edge.arguments = ["edge", "--listen", "127.0.0.1:0", "--models"] + models + ["--cpu", "none"]
        edge.currentDirectoryURL = URL(fileURLWithPath: directory)
        let log = Pipe()
        edge.standardError = log
        edge.standardOutput = FileHandle.nullDevice
        try edge.run()
        var text = ""
        var port: String?
        let deadline = Date().addingTimeInterval(60)
        while port == nil, Date() < deadline {
            let chunk = log.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
            if let range = text.range(of: "listening on 127.0.0.1:") {
                let digits = text[range.upperBound...].prefix { $0.isNumber }
                if !digits.isEmpty, text[range.upperBound...].dropFirst(digits.count).first == "," {
                    port = String(digits)
                }
            }
        }
        return (edge, log, text, port ?? "")
    }
}
