import Foundation

/// A Markdown notebook: prose, ```` ```tandem ```` blocks of commands, each followed by the ```` ```output ````
/// block that holds what it printed.
///
/// Parsing and rendering round-trip: a notebook whose outputs are current renders to its original text.
public struct Notebook: Sendable, Equatable {
    /// One ```` ```tandem ```` block and the output block under it.
    public struct Block: Sendable, Equatable {
        /// The command lines.
        public var commands: [String]
        /// The 1-based line number of the first command line in the file.
        public var firstLine: Int
        /// The lines between the command block and the output block (usually one blank line).
        public var gap: [String]
        /// The output block's lines, or `nil` when the block has none yet.
        public var output: [String]?
    }

    /// A run of prose or a block.
    public enum Segment: Sendable, Equatable {
        /// Lines of Markdown kept as they are.
        case prose([String])
        /// A command block with its output.
        case block(Block)
    }

    /// The notebook's parts in order.
    public var segments: [Segment]
    /// Whether the file ended with a newline.
    public var endsWithNewline: Bool

    /// The notebook in Markdown `text`; an unclosed fence is an error naming its line.
    public init(parsing text: String, file: String) throws(ScriptError) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        endsWithNewline = lines.last == ""
        if endsWithNewline { lines.removeLast() }
        var segments: [Segment] = []
        var prose: [String] = []
        var i = 0
        func fenceEnd(from start: Int) throws(ScriptError) -> Int {
            var j = start
            while j < lines.count && !Self.isFence(lines[j], info: "") { j += 1 }
            guard j < lines.count else {
                throw ScriptError(
                    "code block opened here is never closed with ```", column: 1, line: lines[start - 1],
                    location: SourceLocation(file: file, line: start, column: 1))
            }
            return j
        }
        while i < lines.count {
            guard Self.isFence(lines[i], info: "tandem") else {
                prose.append(lines[i])
                i += 1
                continue
            }
            if !prose.isEmpty { segments.append(.prose(prose)) }
            prose = []
            let end = try fenceEnd(from: i + 1)
            var block = Block(commands: Array(lines[(i + 1)..<end]), firstLine: i + 2, gap: [], output: nil)
            var j = end + 1
            while j < lines.count && lines[j].trimmingCharacters(in: .whitespaces).isEmpty { j += 1 }
            if j < lines.count && Self.isFence(lines[j], info: "output") {
                let outputEnd = try fenceEnd(from: j + 1)
                block.gap = Array(lines[(end + 1)..<j])
                block.output = Array(lines[(j + 1)..<outputEnd])
                i = outputEnd + 1
            } else {
                i = end + 1
            }
            segments.append(.block(block))
        }
        if !prose.isEmpty { segments.append(.prose(prose)) }
        self.segments = segments
    }

    /// The blocks in order.
    public var blocks: [Block] {
        segments.compactMap {
            if case .block(let block) = $0 { return block }
            return nil
        }
    }

    /// Sets every block's `firstLine` to where the block stands in `text`.
    public mutating func renumber() {
        var line = 1
        segments = segments.map { segment in
            switch segment {
            case .prose(let prose):
                line += prose.count
                return segment
            case .block(var block):
                block.firstLine = line + 1
                line += block.commands.count + 2 + (block.output.map { block.gap.count + 2 + $0.count } ?? 3)
                return .block(block)
            }
        }
    }

    /// The Markdown text.
    public var text: String {
        var lines: [String] = []
        for segment in segments {
            switch segment {
            case .prose(let prose): lines += prose
            case .block(let block):
                lines += ["```tandem"] + block.commands + ["```"]
                if let output = block.output {
                    lines += block.gap + ["```output"] + output + ["```"]
                } else {
                    lines += ["", "```output", "```"]
                }
            }
        }
        return lines.joined(separator: "\n") + (endsWithNewline ? "\n" : "")
    }

    /// Whether `line` is a fence ```` ``` ```` followed by exactly `info` (trailing blanks allowed).
    static func isFence(_ line: String, info: String) -> Bool {
        guard line.hasPrefix("```") else { return false }
        return line.dropFirst(3).trimmingCharacters(in: .whitespaces) == info
    }
}
