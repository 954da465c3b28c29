import GNN

extension DesignSpace {
    /// The keys `set(_:to:)` understands, in the order `space` lists them.
    public static let settingKeys = [
        "positions", "ops", "widths", "messages", "reducers", "pools", "modes", "k", "points", "classes", "head",
        "maxwidth", "float16",
    ]

    /// Changes one field from text, as the `space` command receives it (`k=8`, `widths=8,16,32`,
    /// `ops=knn,agg,combine,pool,comm`, `modes=D,DE`, `float16=yes`); the name becomes `custom` (unless
    /// already custom-named) and the result is validated. Lists are comma-separated; op names use the
    /// readable keywords (`id`, `combine`, `agg`, `knn`, `pool`, `comm`), messages `full, source, edgeconv,
    /// rel`, reducers `max, mean, sum`, pools `max, mean, sum, max+mean, max+sum, mean+sum`.
    public mutating func set(_ key: String, to value: String) throws(DesignError) {
        func fail(_ detail: String) -> DesignError { .invalidSpace(space: name, detail: detail) }
        func integer() throws(DesignError) -> Int {
            guard let v = Int(value.filter { !$0.isWhitespace }) else {
                throw fail("\(key) needs an integer, got '\(value)'")
            }
            return v
        }
        let items = value.split(separator: ",").map { $0.trimmingWhitespace().lowercased() }.filter { !$0.isEmpty }
        func integers() throws(DesignError) -> [Int] {
            var result: [Int] = []
            for item in items {
                guard let v = Int(item) else { throw fail("\(key) needs integers, got '\(item)'") }
                result.append(v)
            }
            return result
        }
        func names<T>(_ table: [String: T], _ what: String) throws(DesignError) -> [T] {
            var result: [T] = []
            for item in items {
                guard let v = table[item] else {
                    throw fail("unknown \(what) '\(item)' (\(table.keys.sorted().joined(separator: ", ")))")
                }
                result.append(v)
            }
            return result
        }
        var copy = self
        switch key.lowercased() {
        case "positions": copy.positions = try integer()
        case "k": copy.k = try integer()
        case "points": copy.pointsPerCloud = try integer()
        case "classes": copy.classes = try integer()
        case "maxwidth": copy.maxFeatureWidth = try integer()
        case "widths": copy.combineWidths = try integers()
        case "head": copy.headWidths = try integers()
        case "ops":
            var table: [String: OpType] = [:]
            for type in OpType.allCases {
                table[type.keyword] = type
                table[type.description] = type
            }
            copy.allowedOps = Set(try names(table, "op"))
        case "messages":
            var table = Dictionary(uniqueKeysWithValues: MessageType.allCases.map { ($0.description, $0) })
            table["relative"] = .relative
            copy.messages = try names(table, "message")
        case "reducers":
            copy.reducers = try names(
                Dictionary(uniqueKeysWithValues: Reducer.allCases.map { ($0.description, $0) }), "reducer")
        case "pools":
            copy.poolKinds = try names(
                Dictionary(uniqueKeysWithValues: PoolKind.allCases.map { ($0.description, $0) }), "pool")
        case "modes":
            copy.modes = Set(
                try names(
                    Dictionary(uniqueKeysWithValues: Mode.allCases.map { ($0.rawValue.lowercased(), $0) }), "mode"))
        case "float16":
            switch value.lowercased() {
            case "yes", "true", "on", "1": copy.float16Link = true
            case "no", "false", "off", "0": copy.float16Link = false
            default: throw fail("float16 needs yes or no, got '\(value)'")
            }
        default:
            throw fail("unknown setting '\(key)' (\(DesignSpace.settingKeys.joined(separator: ", ")))")
        }
        if copy.name == "paper" || copy.name == "small" { copy.name = "custom" }
        try copy.validate()
        self = copy
    }
}
