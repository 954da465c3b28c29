import Foundation
import Testing

@testable import Workbench

/// The line with its `1️⃣` marker removed, and the 1-based column where the marker stood.
func marked(_ text: String) -> (line: String, column: Int) {
    let parts = text.components(separatedBy: "1️⃣")
    precondition(parts.count == 2, "mark exactly one column with 1️⃣")
    return (parts.joined(), parts[0].count + 1)
}

/// A shell writing into a buffer, and the buffer.
func capturingShell(interactive: Bool = false, directory: String? = nil) -> (Shell, TextBuffer) {
    let buffer = TextBuffer()
    let session = directory.map { Session(directory: $0) } ?? Session()
    return (Shell(session: session, console: .capturing(into: buffer), isInteractive: interactive), buffer)
}

/// A fresh empty directory under the system's temporary directory.
func temporaryDirectory() -> String {
    let path = NSTemporaryDirectory() + "tandem-workbench-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Resolves one statement with the standard registry (scripts: no prefixes).
func resolve(_ line: String, interactive: Bool = false, registry: CommandRegistry = .standard) throws(ScriptError)
    -> Invocation
{
    let statements = try Lexer.statements(line)
    return try Resolver(registry: registry, allowsPrefixes: interactive, settings: Session().settings).resolve(
        statements[0], line: line)
}

/// The error that resolving `line` throws (nil when it resolves).
func resolveError(_ line: String, interactive: Bool = false, registry: CommandRegistry = .standard) -> ScriptError? {
    do {
        _ = try resolve(line, interactive: interactive, registry: registry)
        return nil
    } catch {
        return error
    }
}
