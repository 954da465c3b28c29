import Tensor

/// Draws architectures uniformly from every valid architecture of a space, without rejection.
///
/// Construction counts, for every reachable `BuildState` before every position, how many valid completions
/// it has (dynamic programming over positions; counts are Doubles, exact up to 2^53 and relatively exact to
/// 1e-16 beyond). Sampling then picks each position's operation with probability proportional to the
/// completions it leaves, which makes every valid architecture equally likely. Build once per space and
/// reuse: the paper space takes a fraction of a second in release builds.
public struct ArchitectureSampler: Sendable {
    /// The space sampled (its `modes` possibly narrowed by `init(space:modes:)`).
    public let space: DesignSpace
    /// The operations the space allows.
    let operations: [Operation]
    /// `completions[p][s]`: valid completions of positions p… from state s.
    let completions: [[BuildState: Double]]

    /// Prepares sampling from `space`, restricted to `modes` when given; throws when the space is invalid
    /// or has no valid architecture.
    public init(space: DesignSpace, modes: Set<Mode>? = nil) throws(DesignError) {
        var space = space
        if let modes { space.modes = space.modes.intersection(modes) }
        try space.validate()
        let operations = space.allowedOperations
        let n = space.positions
        var reachable: [Set<BuildState>] = [[BuildState.start(space)]]
        for position in 0..<n {
            var next: Set<BuildState> = []
            for state in reachable[position] {
                for op in operations {
                    if case .success(let after) = state.advanced(by: op, at: position, in: space) { next.insert(after) }
                }
            }
            reachable.append(next)
        }
        var completions = [[BuildState: Double]](repeating: [:], count: n + 1)
        for state in reachable[n] { completions[n][state] = state.isAcceptedEnd(in: space) ? 1 : 0 }
        for position in stride(from: n - 1, through: 0, by: -1) {
            for state in reachable[position] {
                var total = 0.0
                for op in operations {
                    if case .success(let after) = state.advanced(by: op, at: position, in: space) {
                        total += completions[position + 1][after] ?? 0
                    }
                }
                completions[position][state] = total
            }
        }
        guard (completions[0][BuildState.start(space)] ?? 0) > 0 else {
            let modes = Mode.allCases.filter { space.modes.contains($0) }.map(\.rawValue).joined(separator: ", ")
            throw DesignError.noValidArchitecture(
                detail: "design space '\(space.name)' has no valid architecture with modes \(modes)")
        }
        self.space = space
        self.operations = operations
        self.completions = completions
    }

    /// The number of valid architectures of the space (as a Double; exact below 2^53).
    public var validCount: Double { completions[0][BuildState.start(space)] ?? 0 }

    /// One architecture, uniformly among the valid ones.
    public func sample(using generator: inout SeededGenerator) -> Architecture {
        var state = BuildState.start(space)
        var chosen: [Operation] = []
        for position in 0..<space.positions {
            var options: [(Operation, BuildState, Double)] = []
            var total = 0.0
            for op in operations {
                if case .success(let after) = state.advanced(by: op, at: position, in: space),
                    let count = completions[position + 1][after], count > 0
                {
                    options.append((op, after, count))
                    total += count
                }
            }
            precondition(!options.isEmpty, "a reachable state with completions has a next operation")
            var target = Double(generator.next() >> 11) * 0x1p-53 * total
            var pick = options[options.count - 1]
            for option in options {
                if target < option.2 {
                    pick = option
                    break
                }
                target -= option.2
            }
            chosen.append(pick.0)
            state = pick.1
        }
        return Architecture(chosen)
    }

    /// `count` architectures drawn independently (duplicates possible in small spaces).
    public func sample(_ count: Int, using generator: inout SeededGenerator) -> [Architecture] {
        (0..<count).map { _ in sample(using: &generator) }
    }
}
