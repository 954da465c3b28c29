import Design

/// Architectures named on a command line: an `architecture` value, or an `architectures` list with
/// `index=I` (1-based) choosing one.
enum ArchitectureArgument {
    /// The `index=` argument that picks one architecture of a list.
    static let indexSpec = ArgumentSpec.key(
        "index", .integer, .optional, "which architecture of a list (from 1); a list needs it")

    /// The architectures `argument` names: all of a list when `index=` is absent, else one.
    static func resolveAll(_ call: Invocation, argument: String, in session: Session) throws -> [ArchitectureValue] {
        let name = call.text(argument) ?? ""
        guard let value = session.value(named: name) else {
            throw call.error("no value named '\(name)'\(Suggestions.hint(for: name, in: session.names))", at: argument)
        }
        if let one = value as? ArchitectureValue {
            if call["index"] != nil { throw call.error("'\(name)' is one architecture, not a list", at: "index") }
            return [one]
        }
        guard let list = value as? ArchitectureList else {
            throw call.error("'\(name)' is \(value.kindName), expected architecture or architectures", at: argument)
        }
        guard call["index"] != nil else { return list.architectures.map { ArchitectureValue($0, in: list.space) } }
        let index = call.integer("index")
        guard let chosen = list.item(index) else {
            throw call.error(
                "index=\(index): '\(name)' holds architectures 1 to \(list.architectures.count)", at: "index")
        }
        return [chosen]
    }

    /// Exactly one architecture: an `architecture` value, or a list with `index=` (or a list of one).
    static func resolve(_ call: Invocation, argument: String, in session: Session) throws -> ArchitectureValue {
        let all = try resolveAll(call, argument: argument, in: session)
        guard all.count == 1 else {
            throw call.error(
                "'\(call.text(argument) ?? "")' holds \(all.count) architectures: choose one with index=1…\(all.count)",
                at: argument)
        }
        return all[0]
    }

    /// `error` as a script error pointing into the architecture text written at `argument`: a syntax error
    /// at its column, a broken rule at the position it names (the position's op in either form).
    static func scriptError(_ error: DesignError, call: Invocation, argument: String) -> ScriptError {
        let text = call.text(argument) ?? ""
        let start = call.columns[argument] ?? call.column
        let written = call.line.dropFirst(max(start - 1, 0))
        let offset = written.hasPrefix("\"") || written.hasPrefix("'") ? 1 : 0
        switch error {
        case .syntax(_, let column, let detail):
            return call.errorAt(column: start + offset + column - 1, "architecture text: \(detail)")
        case .invalidArchitecture(let rule, let position?, let detail):
            let message = "position \(position): \(detail) (rule \(rule.rawValue): \(rule))"
            guard let column = column(ofPosition: position, in: text) else { return call.error(message, at: argument) }
            return call.errorAt(column: start + offset + column - 1, message)
        default:
            return call.error(error.description, at: argument)
        }
    }

    /// The 1-based column of position `position` in either architecture form: the text after the
    /// position's `|` in the readable form, the position's op id in the dataset form.
    static func column(ofPosition position: Int, in text: String) -> Int? {
        let characters = Array(text)
        if text.contains(where: \.isLetter) {
            var bars = 0
            for (index, character) in characters.enumerated() {
                if bars == position && !character.isWhitespace && character != "|" { return index + 1 }
                if character == "|" { bars += 1 }
            }
            return nil
        }
        var numbers = 0
        var inside = false
        for (index, character) in characters.enumerated() {
            let digit = character.isNumber || character == "-"
            if digit && !inside {
                if numbers == position { return index + 1 }
                numbers += 1
            }
            inside = digit
        }
        return nil
    }
}

extension Invocation {
    /// An error pointing at an absolute 1-based `column` of the line.
    func errorAt(column: Int, _ message: String) -> ScriptError {
        ScriptError(message, column: column, line: line, location: location)
    }
}
