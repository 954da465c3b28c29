import GNN

extension DesignSpace {
    /// The paper's space (GCoDE, SPEC.md §2): 12 positions, all six op types, combine widths 8…512, four
    /// messages × three reducers, six pools, all five modes, k = 20, P = 1024, 3 input channels, 40 classes,
    /// head 512-256, features up to 2048 wide, float32 link.
    public static let paper = DesignSpace(
        name: "paper", positions: 12, allowedOps: Set(OpType.allCases),
        combineWidths: Operation.combineWidthTable, messages: MessageType.allCases, reducers: Reducer.allCases,
        poolKinds: PoolKind.allCases, modes: Set(Mode.allCases), k: 20, pointsPerCloud: 1024, inputWidth: 3,
        classes: 40, headWidths: [512, 256], maxFeatureWidth: 2048, float16Link: false)

    /// A small space for tests and demos: 6 positions, all op types, combine widths 8, 16, 32, every
    /// message, reducer, pool and mode, k = 4, P = 64, 10 classes, head 32-16, features up to 128 wide.
    public static let small = DesignSpace(
        name: "small", positions: 6, allowedOps: Set(OpType.allCases), combineWidths: [8, 16, 32],
        messages: MessageType.allCases, reducers: Reducer.allCases, poolKinds: PoolKind.allCases,
        modes: Set(Mode.allCases), k: 4, pointsPerCloud: 64, inputWidth: 3, classes: 10, headWidths: [32, 16],
        maxFeatureWidth: 128, float16Link: false)

    /// The named presets, for the `space` command.
    public static let presets: [String: DesignSpace] = ["paper": .paper, "small": .small]

    /// The preset called `name` (case-insensitive), or nil.
    public static func preset(named name: String) -> DesignSpace? { presets[name.lowercased()] }
}
