import Foundation

/// Where the shell's text goes: standard output and error, a capture buffer (notebooks, tests), or a file
/// after `output FILE`. Decides whether colour and progress bars are used.
public final class Console {
    /// Which of the two streams a text belongs to.
    public enum Stream: Sendable {
        /// Command results.
        case output
        /// Errors, warnings and progress.
        case error
    }

    private let sink: (String, Stream) -> Void
    private var redirect: FileHandle?
    /// The file `output FILE` sends results to, if any.
    public private(set) var redirectPath: String?
    /// Whether output goes to a terminal (progress bars instead of periodic lines).
    public let isTerminal: Bool
    /// Whether to colour errors: a terminal and no `NO_COLOR` in the environment.
    public let usesColor: Bool
    /// Whether long work reports progress at all (off for notebooks and captured output).
    public let showsProgress: Bool

    /// A console writing through `sink`.
    public init(isTerminal: Bool, usesColor: Bool, showsProgress: Bool, sink: @escaping (String, Stream) -> Void) {
        self.isTerminal = isTerminal
        self.usesColor = usesColor
        self.showsProgress = showsProgress
        self.sink = sink
    }

    /// Standard output and error; colour only when `isTerminal` and `NO_COLOR` is unset or empty.
    public static func standard(isTerminal: Bool, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Console
    {
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        return Console(isTerminal: isTerminal, usesColor: isTerminal && !noColor, showsProgress: true) { text, stream in
            switch stream {
            case .output:
                FileHandle.standardOutput.write(Data(text.utf8))
            case .error:
                FileHandle.standardError.write(Data(text.utf8))
            }
        }
    }

    /// A console that appends both streams, in order, to `buffer` (no colour, no progress).
    public static func capturing(into buffer: TextBuffer) -> Console {
        Console(isTerminal: false, usesColor: false, showsProgress: false) { text, _ in buffer.text += text }
    }

    /// Writes `text` and a newline to the output stream (or the `output FILE` file).
    public func print(_ text: String) {
        let line = text + "\n"
        if let redirect {
            redirect.write(Data(line.utf8))
        } else {
            sink(line, .output)
        }
    }

    /// Writes `text` and a newline to the error stream.
    public func printError(_ text: String) { sink(text + "\n", .error) }

    /// Writes `text` as is to the error stream (progress lines).
    public func writeError(_ text: String) { sink(text, .error) }

    /// `text` in red when colour is on.
    public func red(_ text: String) -> String { usesColor ? "\u{1B}[31m\(text)\u{1B}[0m" : text }

    /// `text` in bold when colour is on.
    public func bold(_ text: String) -> String { usesColor ? "\u{1B}[1m\(text)\u{1B}[0m" : text }

    /// Sends results to the file at `path` (created or truncated), or back to the normal stream when `nil`.
    public func redirect(to path: String?) throws {
        try redirect?.close()
        redirect = nil
        redirectPath = nil
        guard let path else { return }
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw ConsoleError(path: path) }
        redirect = handle
        redirectPath = path
    }
}

/// Text collected by a capturing console.
public final class TextBuffer {
    /// Everything written so far.
    public var text = ""
    /// An empty buffer.
    public init() {}
}

/// An output file could not be opened.
public struct ConsoleError: Error, CustomStringConvertible {
    /// The file.
    public var path: String
    /// What went wrong.
    public var description: String { "\(path): cannot open for writing" }
}
