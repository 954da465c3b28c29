/// Turns the tokens of one statement into an `Invocation`: finds the command, sorts positionals, keys and
/// marked arguments, parses each value by its type and fills in defaults. Returns a value or throws; it
/// never prints.
public struct Resolver: Sendable {
    /// The command table.
    public var registry: CommandRegistry
    /// Whether unambiguous prefixes of command words are accepted (interactive use).
    public var allowsPrefixes: Bool
    /// Current session settings, for `.setting` defaults.
    public var settings: [String: Value]

    /// A resolver over `registry`.
    public init(registry: CommandRegistry, allowsPrefixes: Bool = false, settings: [String: Value] = [:]) {
        self.registry = registry
        self.allowsPrefixes = allowsPrefixes
        self.settings = settings
    }

    /// Resolves the tokens of one statement of `line`.
    public func resolve(_ tokens: [Token], line: String) throws(ScriptError) -> Invocation {
        guard let first = tokens.first else { throw ScriptError("empty command", column: 1, line: line) }
        let (command, used) = try findCommand(tokens, line: line)
        let spec = command.spec
        let rest = Array(tokens.dropFirst(used))
        if rest.contains(where: { $0.isBare("-h") || $0.isBare("--help") }),
            let help = registry.command(named: "help")
        {
            var arguments: [String: Value] = ["topic": .text(spec.words[0])]
            if spec.words.count > 1 { arguments["subcommand"] = .text(spec.words[1]) }
            return Invocation(
                command: help, arguments: arguments, given: Set(arguments.keys), column: first.column, line: line)
        }
        var values: [String: Value] = [:]
        var columns: [String: Int] = [:]
        var positionals = spec.arguments.filter { $0.form == .positional }[...]
        var index = 0
        while index < rest.count {
            let token = rest[index]
            index += 1
            if let key = token.key {
                guard let argument = spec.arguments.first(where: { $0.form == .key && $0.name == key }) else {
                    let keys = spec.arguments.filter { $0.form == .key }.map(\.name)
                    let known =
                        keys.isEmpty
                        ? "; \(spec.name) takes no key=value arguments" : Suggestions.hint(for: key, in: keys)
                    throw ScriptError("unknown key '\(key)' for \(spec.name)\(known)", column: token.column, line: line)
                }
                guard values[key] == nil else {
                    throw ScriptError("\(key) is given twice", column: token.column, line: line)
                }
                values[key] = try parse(token.value, as: argument, column: token.valueColumn, line: line)
                columns[key] = token.valueColumn
                continue
            }
            if let argument = spec.arguments.first(where: { a in
                if case .marked(let word) = a.form { return token.isBare(word) && values[a.name] == nil }
                return false
            }) {
                guard index < rest.count else {
                    let column = token.column + token.text.count
                    throw ScriptError(
                        "'\(token.text)' needs a \(argument.type.placeholder) after it", column: column, line: line)
                }
                let valueToken = rest[index]
                index += 1
                values[argument.name] = try parse(valueToken.text, as: argument, column: valueToken.column, line: line)
                columns[argument.name] = valueToken.column
                continue
            }
            guard let argument = positionals.popFirst() else {
                throw ScriptError(
                    "unexpected argument '\(token.text)' (usage: \(spec.synopsis))", column: token.column, line: line)
            }
            values[argument.name] = try parse(token.text, as: argument, column: token.column, line: line)
            columns[argument.name] = token.column
        }
        let given = Set(values.keys)
        for argument in spec.arguments where values[argument.name] == nil {
            switch argument.defaultValue {
            case .required:
                let end = line.count + 1
                throw ScriptError("missing \(argument.synopsis) (usage: \(spec.synopsis))", column: end, line: line)
            case .optional: break
            case .value(let text):
                values[argument.name] = try parse(text, as: argument, column: first.column, line: line)
            case .setting(let key): values[argument.name] = settings[key]
            case .derived(_, let compute): values[argument.name] = compute(values)
            }
        }
        return Invocation(
            command: command, arguments: values, given: given, columns: columns, column: first.column, line: line)
    }

    /// The command named by the first one or two tokens, and how many tokens its name used.
    func findCommand(_ tokens: [Token], line: String) throws(ScriptError) -> (any Command.Type, Int) {
        let first = tokens[0]
        guard first.equalsOffset == nil, !first.quoted else {
            throw ScriptError("expected a command, got '\(first.text)'", column: first.column, line: line)
        }
        let spellings: [(words: [String], command: any Command.Type)] = registry.commands.flatMap { command in
            ([command.spec.name] + command.spec.aliases).map {
                (words: $0.split(separator: " ").map(String.init), command: command)
            }
        }
        func matches(_ words: [String], exact: Bool) -> Bool {
            guard words.count <= tokens.count else { return false }
            for (word, token) in zip(words, tokens) {
                guard token.equalsOffset == nil, !token.quoted else { return false }
                if exact ? token.text != word : !word.hasPrefix(token.text) { return false }
            }
            return true
        }
        let exact = spellings.filter { matches($0.words, exact: true) }.max { $0.words.count < $1.words.count }
        if let exact { return (exact.command, exact.words.count) }
        if allowsPrefixes {
            let found = spellings.filter { matches($0.words, exact: false) }
            if let longest = found.map(\.words.count).max() {
                let top = found.filter { $0.words.count == longest }
                let distinct = Set(top.map { $0.command.spec.name })
                if distinct.count == 1 { return (top[0].command, longest) }
                let names = distinct.sorted().map { "'\($0)'" }.joined(separator: ", ")
                throw ScriptError("'\(first.text)' is ambiguous: \(names)", column: first.column, line: line)
            }
        }
        let groupWords = spellings.filter { $0.words.count > 1 && $0.words[0] == first.text }
        if !groupWords.isEmpty {
            let subs = groupWords.map { $0.words[1] }
            if tokens.count < 2 {
                throw ScriptError(
                    "\(first.text) needs one of: \(subs.joined(separator: ", "))",
                    column: first.column + first.text.count, line: line)
            }
            let second = tokens[1]
            throw ScriptError(
                "unknown \(first.text) command '\(second.text)'\(Suggestions.hint(for: second.text, in: subs))",
                column: second.column, line: line)
        }
        throw ScriptError(
            "unknown command '\(first.text)'\(Suggestions.hint(for: first.text, in: registry.firstWords))",
            column: first.column, line: line)
    }

    /// Parses `text` as the type of `argument`; errors point at `column`.
    func parse(_ text: String, as argument: ArgumentSpec, column: Int, line: String) throws(ScriptError) -> Value {
        func fail(_ expected: String) -> ScriptError {
            ScriptError("expected \(expected) for \(argument.name), got '\(text)'", column: column, line: line)
        }
        switch argument.type {
        case .integer:
            guard let n = Int(text) else { throw fail("a whole number") }
            return .integer(n)
        case .number:
            guard let x = Double(text), x.isFinite else { throw fail("a number") }
            return .number(x)
        case .text, .path:
            return .text(text)
        case .name:
            guard Self.isValidName(text) else {
                throw fail("a name (a letter or _, then letters, digits, _ or -)")
            }
            return .text(text)
        case .flag:
            switch text.lowercased() {
            case "on", "true", "yes", "1": return .flag(true)
            case "off", "false", "no", "0": return .flag(false)
            default: throw fail("on or off")
            }
        case .duration:
            guard let seconds = Units.parse(text, units: Units.durations) else {
                throw fail("a time with a unit (ns, us, ms, s, min, h) such as 5ms")
            }
            return .duration(seconds: seconds)
        case .bitrate:
            guard let rate = Units.parse(text, units: Units.bitrates) else {
                throw fail("a bit rate with a unit (bit, kbit, mbit, gbit) such as 40mbit")
            }
            return .bitrate(bitsPerSecond: rate)
        case .choice(let words):
            guard words.contains(text) else {
                throw ScriptError(
                    "expected one of \(words.joined(separator: ", ")) for \(argument.name), got '\(text)'"
                        + Suggestions.hint(for: text, in: words), column: column, line: line)
            }
            return .text(text)
        }
    }

    /// Whether `text` can name a session value: a letter or `_`, then letters, digits, `_` or `-`.
    public static func isValidName(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter || first == "_" else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
    }
}
