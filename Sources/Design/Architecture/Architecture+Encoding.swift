extension Architecture {
    /// The architecture of an integer encoding (op ids, then function ids), validated in `space`.
    ///
    /// Throws `positionCount` when the encoding is not `2 · space.positions` long, `unknownOp` /
    /// `functionOutOfRange` for ids that name nothing, then any rule of `validate(in:)`.
    public init(encoding: [Int], in space: DesignSpace) throws(DesignError) {
        let n = space.positions
        guard encoding.count == 2 * n else {
            throw DesignError.invalidArchitecture(
                rule: .positionCount, position: nil,
                detail:
                    "\(encoding.count) integers, but space '\(space.name)' needs \(2 * n) (\(n) op ids, \(n) function ids)"
            )
        }
        var operations: [Operation] = []
        for position in 0..<n {
            switch Operation.decode(opID: encoding[position], functionID: encoding[n + position]) {
            case .success(let op):
                operations.append(op)
            case .failure(.unknownOp(let id)):
                throw DesignError.invalidArchitecture(
                    rule: .unknownOp, position: position, detail: "op id \(id) is not 0–5")
            case .failure(.functionOutOfRange(let type, let id)):
                throw DesignError.invalidArchitecture(
                    rule: .functionOutOfRange, position: position,
                    detail: "function id \(id) is outside \(type)'s range 0–\(type.functionCount - 1)")
            }
        }
        self.init(operations)
        try validate(in: space)
    }

    /// Parses either form, validated in `space`: text with letters is the readable form, otherwise the
    /// dataset form (see `init(datasetForm:in:)`).
    public static func parse(_ text: String, in space: DesignSpace) throws(DesignError) -> Architecture {
        if text.contains(where: \.isLetter) { return try Architecture(readable: text, in: space) }
        return try Architecture(datasetForm: text, in: space)
    }

    /// Parses the paper's dataset form `1 5 3 … 4,2 0 0 … 3` (op ids, one comma, function ids; whitespace
    /// between numbers). Also accepted: the 2n integers without the middle comma, separated by whitespace or
    /// commas, optionally in brackets (`[1, 5, 3, …]`).
    public init(datasetForm text: String, in space: DesignSpace) throws(DesignError) {
        var numbers: [(value: Int, column: Int)] = []
        var commaColumns: [Int] = []
        var current = ""
        var start = 0
        func flush() throws(DesignError) {
            guard !current.isEmpty else { return }
            guard let value = Int(current) else {
                throw DesignError.syntax(input: text, column: start, detail: "'\(current)' is not an integer")
            }
            numbers.append((value, start))
            current = ""
        }
        for (offset, character) in text.enumerated() {
            let column = offset + 1
            if character.isNumber || (character == "-" && current.isEmpty) {
                if current.isEmpty { start = column }
                current.append(character)
            } else if character == "," {
                try flush()
                commaColumns.append(numbers.count)
            } else if character.isWhitespace || "[]()".contains(character) {
                try flush()
            } else {
                throw DesignError.syntax(input: text, column: column, detail: "unexpected '\(character)'")
            }
        }
        try flush()
        let n = space.positions
        if commaColumns.count == 1 {
            let split = commaColumns[0]
            guard split == n && numbers.count == 2 * n else {
                throw DesignError.invalidArchitecture(
                    rule: .positionCount, position: nil,
                    detail: "\(split) op ids and \(numbers.count - split) function ids, "
                        + "but space '\(space.name)' has \(n) positions")
            }
        }
        try self.init(encoding: numbers.map(\.value), in: space)
    }
}
