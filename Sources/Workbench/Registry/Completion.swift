/// Tab completion from the command table and the session: verbs, sub-verbs, keys, marker words, choices,
/// setting keys and session names.
public struct Completion: Sendable {
    /// What to complete and with what.
    public struct Result: Sendable, Equatable {
        /// The partial word being completed (after the last blank or `=`).
        public var fragment: String
        /// Full replacements for `fragment`, sorted; keys end in `=`.
        public var candidates: [String]
        /// Whether file names should be offered (the line editor does that).
        public var wantsFiles: Bool
    }

    /// The command table.
    public var registry: CommandRegistry

    /// Completion over `registry`.
    public init(registry: CommandRegistry) { self.registry = registry }

    /// Completions for the text before the cursor, given the session's names.
    public func complete(_ before: String, names: [String]) -> Result {
        let endsWithBlank = before.last.map { $0 == " " || $0 == "\t" } ?? true
        var words = before.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if let semicolon = words.lastIndex(where: { $0.contains(";") }) {
            words = Array(words[(semicolon + 1)...])
        }
        let current = endsWithBlank ? "" : (words.popLast() ?? "")
        func result(_ fragment: String, _ pool: [String], files: Bool = false) -> Result {
            let found = Set(pool.filter { $0.hasPrefix(fragment) })
            return Result(fragment: fragment, candidates: found.sorted(), wantsFiles: files)
        }
        if words.isEmpty { return result(current, registry.firstWords) }
        let spellings = registry.commands.flatMap { command in
            ([command.spec.name] + command.spec.aliases).map { ($0.split(separator: " ").map(String.init), command) }
        }
        if words.count == 1 {
            let subs = spellings.filter { $0.0.count == 2 && $0.0[0] == words[0] }.map { $0.0[1] }
            if !subs.isEmpty && !spellings.contains(where: { $0.0 == [words[0]] }) { return result(current, subs) }
        }
        guard
            let (_, command) = spellings.filter({
                zip($0.0, words).allSatisfy { $0 == $1 } && $0.0.count <= words.count
            })
            .max(by: { $0.0.count < $1.0.count })
        else { return result(current, []) }
        let spec = command.spec
        let used = words.dropFirst(spec.words.count)
        if let equals = current.firstIndex(of: "=") {
            let key = String(current[..<equals])
            let fragment = String(current[current.index(after: equals)...])
            guard let argument = spec.arguments.first(where: { $0.form == .key && $0.name == key }) else {
                return result(fragment, [])
            }
            return pool(argument.completer, fragment, names, result)
        }
        if let marker = used.last,
            let argument = spec.arguments.first(where: { $0.form == .marked(marker) })
        {
            return pool(argument.completer, current, names, result)
        }
        let keysUsed = Set(used.compactMap { $0.split(separator: "=").first.map(String.init) })
        var candidates = spec.arguments.filter { $0.form == .key && !keysUsed.contains($0.name) }.map { $0.name + "=" }
        let positionalsGiven = used.filter { !$0.contains("=") }.count
        let positionals = spec.arguments.filter { $0.form == .positional }
        let requiredPositionals = positionals.filter {
            if case .required = $0.defaultValue { return true }
            return false
        }
        for argument in spec.arguments where positionalsGiven >= requiredPositionals.count {
            if case .marked(let word) = argument.form, !used.contains(word) { candidates.append(word) }
        }
        var files = false
        if positionalsGiven < positionals.count {
            let next = pool(positionals[positionalsGiven].completer, current, names, result)
            candidates += next.candidates
            files = next.wantsFiles
        }
        return result(current, candidates, files: files)
    }

    private func pool(
        _ completer: Completer, _ fragment: String, _ names: [String], _ result: (String, [String], Bool) -> Result
    ) -> Result {
        switch completer {
        case .none: return result(fragment, [], false)
        case .files: return result(fragment, [], true)
        case .names: return result(fragment, names, false)
        case .commands:
            return result(
                fragment, registry.allNames.map { String($0.split(separator: " ")[0]) } + registry.groups.map(\.name),
                false)
        case .settings: return result(fragment, Setting.all.map(\.name), false)
        case .words(let words): return result(fragment, words, false)
        }
    }
}
