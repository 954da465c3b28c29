import GNN
import HDF5

extension DesignSpace {
    /// The space as HDF5 attributes (prefix `space_`), for supernet and model files.
    var attributes: [(String, HDF5AttributeValue)] {
        [
            ("space_name", .string(name)),
            ("space_positions", .int(Int64(positions))),
            ("space_ops", .ints(OpType.allCases.filter { allowedOps.contains($0) }.map { Int64($0.rawValue) })),
            ("space_combine_widths", .ints(combineWidths.map { Int64($0) })),
            ("space_messages", .ints(messages.map { Int64($0.rawValue) })),
            ("space_reducers", .ints(reducers.map { Int64($0.rawValue) })),
            ("space_pools", .ints(poolKinds.map { Int64($0.rawValue) })),
            ("space_modes", .strings(Mode.allCases.filter { modes.contains($0) }.map(\.rawValue))),
            ("space_k", .int(Int64(k))),
            ("space_points", .int(Int64(pointsPerCloud))),
            ("space_input_width", .int(Int64(inputWidth))),
            ("space_classes", .int(Int64(classes))),
            ("space_head_widths", .ints(headWidths.map { Int64($0) })),
            ("space_max_feature_width", .int(Int64(maxFeatureWidth))),
            ("space_float16_link", .int(float16Link ? 1 : 0)),
        ]
    }

    /// Writes the space's attributes on the root of `file`.
    public func writeAttributes(to file: HDF5File) throws {
        for (name, value) in attributes { try file.setAttribute(name, to: value) }
    }

    /// The space stored in the root attributes of `file` (at `path`, for messages), validated.
    public static func read(from file: HDF5File, path: String) throws -> DesignSpace {
        let attributes = RootAttributes(file: file, path: path)
        func value(_ name: String) throws -> HDF5AttributeValue { try attributes.value(name) }
        func int(_ name: String) throws -> Int { Int(try attributes.int(name)) }
        func ints(_ name: String) throws -> [Int] { try attributes.ints(name) }
        func decode<T>(_ name: String, _ make: (Int) -> T?) throws -> [T] {
            try ints(name).map { raw in
                guard let v = make(raw) else { throw attributes.problem(name, "holds unknown id \(raw)") }
                return v
            }
        }
        let modeNames = try value("space_modes").stringsValue ?? []
        var modes: Set<Mode> = []
        for name in modeNames {
            guard let mode = Mode(name: name) else {
                throw DesignError.file(path: path, detail: "root attribute 'space_modes' holds unknown mode '\(name)'")
            }
            modes.insert(mode)
        }
        let space = DesignSpace(
            name: try value("space_name").stringValue ?? "custom", positions: try int("space_positions"),
            allowedOps: Set(try decode("space_ops", OpType.init(rawValue:))),
            combineWidths: try ints("space_combine_widths"),
            messages: try decode("space_messages", MessageType.init(rawValue:)),
            reducers: try decode("space_reducers", Reducer.init(rawValue:)),
            poolKinds: try decode("space_pools", PoolKind.init(rawValue:)), modes: modes, k: try int("space_k"),
            pointsPerCloud: try int("space_points"), inputWidth: try int("space_input_width"),
            classes: try int("space_classes"), headWidths: try ints("space_head_widths"),
            maxFeatureWidth: try int("space_max_feature_width"), float16Link: try int("space_float16_link") != 0)
        try space.validate()
        return space
    }
}
