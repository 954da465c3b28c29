import Foundation

/// Runs a notebook's blocks in order in one fresh session and collects each block's output.
///
/// Errors are part of the output (a notebook may show one on purpose); every block runs. Relative paths
/// resolve against the notebook's directory; errors name the notebook by its file name.
public struct NotebookRunner {
    /// What checking one block found.
    public struct Mismatch: Sendable, Equatable {
        /// The line of the block's first command.
        public var line: Int
        /// The diff lines (see `OutputMatcher.diff`).
        public var diff: [String]
    }

    /// The command table to run with.
    public var registry: CommandRegistry

    /// A runner over `registry`.
    public init(registry: CommandRegistry = .standard) { self.registry = registry }

    /// The actual output of each block of `notebook`, in order.
    public func outputs(of notebook: Notebook, path: String) -> [[String]] {
        let buffer = TextBuffer()
        let directory = (path as NSString).deletingLastPathComponent
        let session = Session(directory: directory)
        let shell = Shell(session: session, registry: registry, console: .capturing(into: buffer))
        let name = (path as NSString).lastPathComponent
        var outputs: [[String]] = []
        var shift = 0
        for block in notebook.blocks {
            buffer.text = ""
            let first = block.firstLine + shift
            for (offset, line) in block.commands.enumerated() where !shell.quitRequested {
                shell.execute(line, location: SourceLocation(file: name, line: first + offset, column: 1))
            }
            try? shell.console.redirect(to: nil)
            var lines = buffer.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
            outputs.append(lines)
            let written = Self.outputLineCount(gap: block.gap.isEmpty ? [""] : block.gap, output: lines)
            shift += written - Self.outputLineCount(gap: block.gap, output: block.output)
        }
        return outputs
    }

    /// The lines an output block and the gap before it take in the rendered notebook (0 when absent), so
    /// that error positions name lines of the notebook as `run` writes it.
    static func outputLineCount(gap: [String], output: [String]?) -> Int {
        guard let output else { return 0 }
        return gap.count + 2 + output.count
    }

    /// `notebook` with every output block replaced by the actual output (regex lines kept where they match).
    public func run(_ notebook: Notebook, path: String) -> Notebook {
        var outputs = self.outputs(of: notebook, path: path)[...]
        var result = notebook
        result.segments = notebook.segments.map { segment in
            guard case .block(var block) = segment, let actual = outputs.popFirst() else { return segment }
            block.output = OutputMatcher.merge(expected: block.output, actual: actual)
            if block.gap.isEmpty { block.gap = [""] }
            return .block(block)
        }
        result.renumber()
        return result
    }

    /// The blocks whose output differs from what the notebook holds.
    public func check(_ notebook: Notebook, path: String) -> [Mismatch] {
        let outputs = self.outputs(of: notebook, path: path)
        return zip(notebook.blocks, outputs).compactMap { block, actual in
            let expected = block.output ?? []
            if block.output != nil && OutputMatcher.matches(expected: expected, actual: actual) { return nil }
            return Mismatch(line: block.firstLine, diff: OutputMatcher.diff(expected: expected, actual: actual))
        }
    }
}
