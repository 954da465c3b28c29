import GNN

extension Architecture {
    /// Parses the readable form: operations separated by `|`, each one of `id` (or `identity`),
    /// `combine(W)`, `agg(MESSAGE,REDUCER)` (or `aggregate(...)`), `knn`, `pool(KIND)`, `comm` (or
    /// `communicate`); case and spaces do not matter. MESSAGE is `full`, `source`, `edgeconv` or `rel`
    /// (`relative`); REDUCER `max`, `mean` or `sum`; KIND `max`, `mean`, `sum`, `max+mean`, `max+sum`,
    /// `mean+sum`. The result is validated in `space`.
    public init(readable text: String, in space: DesignSpace) throws(DesignError) {
        var operations: [Operation] = []
        var column = 1
        for piece in text.split(separator: "|", omittingEmptySubsequences: false) {
            let leading = piece.prefix(while: \.isWhitespace).count
            let token = piece.trimmingWhitespace()
            operations.append(try Architecture.operation(token, in: text, column: column + leading))
            column += piece.count + 1
        }
        self.init(operations)
        try validate(in: space)
    }

    /// One operation of the readable form; `column` is where `token` starts in `input`.
    static func operation(_ token: String, in input: String, column: Int) throws(DesignError) -> Operation {
        let lower = token.lowercased().filter { !$0.isWhitespace }
        if lower.isEmpty { throw DesignError.syntax(input: input, column: column, detail: "empty position") }
        var name = lower
        var arguments: [String] = []
        if let open = lower.firstIndex(of: "(") {
            guard lower.hasSuffix(")") else {
                throw DesignError.syntax(input: input, column: column, detail: "'\(token)' misses its ')'")
            }
            name = String(lower[..<open])
            let inner = lower[lower.index(after: open)..<lower.index(before: lower.endIndex)]
            arguments = inner.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        func fail(_ detail: String) -> DesignError { .syntax(input: input, column: column, detail: detail) }
        switch name {
        case "id", "identity":
            guard arguments.isEmpty else { throw fail("\(name) takes no arguments") }
            return .identity
        case "knn":
            guard arguments.isEmpty else { throw fail("knn takes no arguments (k is a space parameter)") }
            return .knn
        case "comm", "communicate":
            guard arguments.isEmpty else { throw fail("\(name) takes no arguments") }
            return .communicate
        case "combine":
            guard arguments.count == 1, let width = Int(arguments[0]) else {
                throw fail("combine needs one width, e.g. combine(64)")
            }
            guard Operation.combineWidthTable.contains(width) else {
                throw fail("combine width \(width) is not one of \(Operation.combineWidthTable)")
            }
            return .combine(width: width)
        case "agg", "aggregate":
            guard arguments.count == 2 else { throw fail("agg needs a message and a reducer, e.g. agg(rel,max)") }
            let messageNames = [
                "full": MessageType.full, "source": .source, "edgeconv": .edgeConv,
                "rel": .relative, "relative": .relative,
            ]
            guard let message = messageNames[arguments[0]] else {
                throw fail("unknown message '\(arguments[0])' (full, source, edgeconv, rel)")
            }
            guard let reducer = Reducer.allCases.first(where: { $0.description == arguments[1] }) else {
                throw fail("unknown reducer '\(arguments[1])' (max, mean, sum)")
            }
            return .aggregate(message, reducer)
        case "pool":
            let kindName = arguments.joined(separator: "+")
            guard let kind = PoolKind.allCases.first(where: { $0.description == kindName }) else {
                throw fail("unknown pool '\(kindName)' (max, mean, sum, max+mean, max+sum, mean+sum)")
            }
            return .pool(kind)
        default:
            throw fail("unknown operation '\(name)' (id, combine, agg, knn, pool, comm)")
        }
    }
}

extension Substring {
    /// The text without leading and trailing whitespace.
    func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
