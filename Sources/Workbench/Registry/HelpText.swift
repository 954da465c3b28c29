/// Every help text, generated from the command table: the overview, one command, one group, `apropos` and
/// the README's command list.
public struct HelpText: Sendable {
    /// The command table.
    public var registry: CommandRegistry

    /// Help over `registry`.
    public init(registry: CommandRegistry) { self.registry = registry }

    /// All groups with each command's name and summary.
    public var overview: String {
        let width = registry.specs.map(\.name.count).max() ?? 0
        var lines = ["Commands by group. `help VERB` or `help GROUP` shows more; `apropos WORD` searches."]
        for group in registry.groups {
            lines.append("")
            lines.append("\(group.name): \(group.summary)")
            for spec in registry.specs where spec.group == group {
                lines.append("  " + pad(spec.name, width) + "  " + spec.summary)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Usage, summary, arguments with defaults, aliases, examples and details of one command.
    public func command(_ spec: CommandSpec) -> String {
        var lines = ["usage: \(spec.synopsis)", "", spec.summary + "."]
        if !spec.arguments.isEmpty {
            lines.append("")
            lines.append("arguments:")
            let labels = spec.arguments.map(label)
            let width = labels.map(\.count).max() ?? 0
            for (argument, label) in zip(spec.arguments, labels) {
                var text = argument.help
                if let value = argument.defaultDescription { text += " (default: \(value))" }
                lines.append("  " + pad(label, width) + "  " + text)
            }
        }
        if !spec.aliases.isEmpty {
            lines.append("")
            lines.append("aliases: " + spec.aliases.joined(separator: ", "))
        }
        lines.append("")
        lines.append(spec.examples.count == 1 ? "example:" : "examples:")
        lines += spec.examples.map { "  " + $0 }
        if !spec.details.isEmpty {
            lines.append("")
            lines.append(spec.details)
        }
        return lines.joined(separator: "\n")
    }

    /// A group's summary and its commands' synopses and summaries.
    public func group(_ group: CommandGroup) -> String {
        var lines = ["\(group.name): \(group.summary)"]
        for spec in registry.specs where spec.group == group {
            lines.append("")
            lines.append("  " + spec.synopsis)
            lines.append("      " + spec.summary)
        }
        return lines.joined(separator: "\n")
    }

    /// Commands whose name, aliases, summary, arguments or details mention `word` (case-insensitive).
    public func apropos(_ word: String) -> [CommandSpec] {
        let needle = word.lowercased()
        return registry.specs.filter { spec in
            let haystack =
                ([spec.name, spec.summary, spec.details, spec.group.name] + spec.aliases
                + spec.arguments.flatMap { [$0.name, $0.help] }).joined(separator: "\n").lowercased()
            return haystack.contains(needle)
        }
    }

    /// The README's command list in Markdown: one table per group with synopsis, summary and an example.
    public var markdown: String {
        var lines = [
            "Generated from the command table by `tandem help --markdown`; in the REPL, `help VERB` shows",
            "each command's arguments, defaults and examples.",
        ]
        for group in registry.groups {
            lines.append("")
            lines.append("**\(group.name)**: \(group.summary)")
            lines.append("")
            lines.append("| command | what it does | example |")
            lines.append("|---|---|---|")
            for spec in registry.specs where spec.group == group {
                let cells = [spec.synopsis, spec.examples[0]].map {
                    "`" + $0.replacingOccurrences(of: "|", with: "\\|") + "`"
                }
                lines.append("| \(cells[0]) | \(spec.summary) | \(cells[1]) |")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `text` with the part between `<!-- commands:begin -->` and `<!-- commands:end -->` replaced by
    /// `markdown`, or `nil` when the markers are missing.
    public func replacingCommandsBlock(in text: String) -> String? {
        guard let begin = text.range(of: Self.beginMarker), let end = text.range(of: Self.endMarker),
            begin.upperBound <= end.lowerBound
        else { return nil }
        return String(text[..<begin.upperBound]) + "\n" + markdown + "\n" + String(text[end.lowerBound...])
    }

    /// The marker line that opens the README's generated command list.
    public static let beginMarker = "<!-- commands:begin -->"
    /// The marker line that closes it.
    public static let endMarker = "<!-- commands:end -->"

    /// How an argument is labelled in `help VERB`: `PATH`, `count=N`, `as NAME`.
    func label(_ argument: ArgumentSpec) -> String {
        switch argument.form {
        case .positional: return argument.positionalPlaceholder
        case .key: return "\(argument.name)=\(argument.type.placeholder)"
        case .marked(let word): return "\(word) \(argument.type == .name ? "NAME" : argument.type.placeholder)"
        }
    }

    func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
