import Foundation

/// File-name completion for path arguments, which the line editor's own completion gets wrong: a name with
/// blanks or quotes is offered quoted, and a path already inside an open quote completes too.
public struct PathCompletion: Sendable {
    /// The path being completed and its completions.
    public struct Result: Sendable, Equatable {
        /// The character offset in the line where the path starts (its opening quote, if any).
        public var start: Int
        /// What was typed from `start` to the cursor.
        public var typed: String
        /// Full replacements of `typed`, sorted: quoted when the path needs it or a quote is open; a folder
        /// ends in `/` and leaves its quote open (to go on into it), a file closes the quote.
        public var candidates: [String]

        /// The candidates as a line editor that splits words at `breaks` wants them: the part after its own
        /// word start, which falls inside a quoted path with blanks.
        public func replacements(breaks: String) -> [String] {
            let cut = Array(typed).lastIndex { breaks.contains($0) }.map { $0 + 1 } ?? 0
            return candidates.map { String($0.dropFirst(cut)) }
        }
    }

    /// The command table (to know where a path goes).
    public var registry: CommandRegistry
    /// The folder relative paths are resolved against.
    public var directory: String

    /// Completion of paths against `directory`.
    public init(registry: CommandRegistry, directory: String) {
        self.registry = registry
        self.directory = directory
    }

    /// The completions of the path at the end of `before`, or nil when no path goes there.
    public func complete(_ before: String, names: [String]) -> Result? {
        let chars = Array(before)
        var start = 0
        var open: Character?
        for (index, c) in chars.enumerated() {
            if let quote = open {
                if c == quote { open = nil }
            } else if c == "\"" || c == "'" {
                open = c
            } else if c == " " || c == "\t" || c == ";" || c == "=" {
                start = index + 1
            }
        }
        let probe = String(chars[..<start]) + "x"
        guard Completion(registry: registry).complete(probe, names: names).wantsFiles else { return nil }
        let typed = String(chars[start...])
        var quote: Character?
        var content = typed
        if let first = typed.first, first == "\"" || first == "'" {
            quote = first
            content = String(typed.dropFirst())
            if first == "\"" {
                content = content.replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(
                    of: "\\\\", with: "\\")
            }
        }
        let folderPart = content.lastIndex(of: "/").map { String(content[...$0]) } ?? ""
        let prefix = String(content.dropFirst(folderPart.count))
        var candidates: [String] = []
        let shown = entries(of: folderPart).filter {
            $0.hasPrefix(prefix) && (prefix.hasPrefix(".") || !$0.hasPrefix("."))
        }
        for name in shown {
            var isFolder: ObjCBool = false
            let full = resolve(folderPart + name)
            _ = FileManager.default.fileExists(atPath: full, isDirectory: &isFolder)
            let path = folderPart + name + (isFolder.boolValue ? "/" : "")
            candidates.append(Self.written(path, quote: quote, closed: !isFolder.boolValue))
        }
        return Result(start: start, typed: typed, candidates: candidates.sorted())
    }

    /// `path` as it must be typed: bare when it needs no quotes and none is open, else in `quote` (double by
    /// default, escaping `"` and `\`), closed unless `closed` is false.
    static func written(_ path: String, quote: Character?, closed: Bool) -> String {
        let special: Set<Character> = [" ", "\t", "\"", "'", "#", ";", "=", "\\"]
        guard quote != nil || path.contains(where: { special.contains($0) }) else { return path }
        let mark = quote ?? "\""
        let body =
            mark == "\""
            ? path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") : path
        return String(mark) + body + (closed ? String(mark) : "")
    }

    /// `path` (relative to `directory` unless absolute; `~` expanded).
    func resolve(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return expanded }
        return (directory as NSString).appendingPathComponent(expanded)
    }

    /// The names in folder `folder` (the directory itself when empty); none when it cannot be listed.
    func entries(of folder: String) -> [String] {
        let path = folder.isEmpty ? directory : resolve(folder)
        return (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    }
}
