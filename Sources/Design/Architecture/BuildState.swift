import GNN

/// What validity depends on after a prefix of positions: the running width, whether a graph exists, whether
/// the nodes were pooled, and the communicates so far. Shared by validation, sampling and the mapping so
/// that all three apply exactly the same rules.
struct BuildState: Hashable, Sendable {
    /// The feature width after the prefix.
    var width: Int
    /// Whether a knn ran (and no pool since; after the pool this is always false).
    var hasGraph: Bool
    /// Whether the pool ran.
    var pooled: Bool
    /// The number of communicates so far.
    var communicates: Int
    /// Whether the first communicate is at position 0.
    var firstAtStart: Bool

    /// The state before position 0.
    static func start(_ space: DesignSpace) -> BuildState {
        BuildState(width: space.inputWidth, hasGraph: false, pooled: false, communicates: 0, firstAtStart: false)
    }

    /// The state after running `op` at `position`, or the first rule it breaks (checked in
    /// `ValidityRule` order).
    func advanced(by op: Operation, at position: Int, in space: DesignSpace) -> Result<BuildState, Violation> {
        guard space.allowedOps.contains(op.type) else {
            return .failure(Violation(.opNotAllowed, position, "\(op.type) is not allowed by space '\(space.name)'"))
        }
        guard space.allows(op) else {
            return .failure(Violation(.functionNotAllowed, position, "\(op) is not allowed by space '\(space.name)'"))
        }
        var next = self
        switch op {
        case .identity:
            break
        case .combine(let width):
            next.width = width
        case .knn:
            if pooled { return .failure(Violation(.graphOpAfterPool, position, "knn after the pool (no nodes left)")) }
            next.hasGraph = true
        case .aggregate(let message, _):
            if pooled {
                return .failure(Violation(.graphOpAfterPool, position, "\(op) after the pool (no nodes left)"))
            }
            if !hasGraph {
                return .failure(Violation(.aggregateWithoutGraph, position, "\(op) has no graph: no knn before it"))
            }
            next.width = message.width(for: width)
        case .pool(let kind):
            if pooled { return .failure(Violation(.secondPool, position, "a second pool")) }
            next.pooled = true
            next.hasGraph = false
            next.width = kind.width(for: width)
        case .communicate:
            if communicates == 2 { return .failure(Violation(.tooManyCommunicates, position, "a third communicate")) }
            if communicates == 0 && position == 0 { next.firstAtStart = true }
            next.communicates += 1
        }
        if next.width > space.maxFeatureWidth {
            return .failure(
                Violation(
                    .widthLimit, position,
                    "\(op) makes the features \(next.width) wide, above the space's maximum \(space.maxFeatureWidth)"))
        }
        return .success(next)
    }

    /// The mode, when the state is a complete valid architecture's end state.
    var mode: Mode? { Mode(communicates: communicates, firstAtStart: firstAtStart) }

    /// Whether an architecture may end in this state: pooled and in an allowed mode.
    func isAcceptedEnd(in space: DesignSpace) -> Bool {
        guard pooled, let mode else { return false }
        return space.modes.contains(mode)
    }
}

/// A broken rule at a position, before it becomes a `DesignError`.
struct Violation: Error, Sendable {
    /// The rule.
    var rule: ValidityRule
    /// The position (nil for the whole architecture).
    var position: Int?
    /// What is wrong.
    var detail: String

    /// A violation of `rule` at `position`.
    init(_ rule: ValidityRule, _ position: Int?, _ detail: String) {
        self.rule = rule
        self.position = position
        self.detail = detail
    }

    /// The user-facing error.
    var error: DesignError { .invalidArchitecture(rule: rule, position: position, detail: detail) }
}
