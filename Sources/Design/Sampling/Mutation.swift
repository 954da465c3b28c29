import Tensor

/// The ways `Architecture.mutated` may change an architecture (SPEC.md §5).
public enum MutationKind: String, Sendable, CaseIterable, Hashable {
    /// Replace one position's op type (with any function of the new type).
    case op
    /// Replace one position's function, keeping its op type.
    case function
    /// Move one communicate to another position (the operations in between shift by one).
    case communicatePlace
}

extension Architecture {
    /// Every valid architecture one `kind` mutation away (duplicates removed, in a fixed order).
    public func neighbours(_ kind: MutationKind, in space: DesignSpace) -> [Architecture] {
        var result: [Architecture] = []
        var seen: Set<Architecture> = [self]
        func consider(_ candidate: Architecture) {
            if candidate.isValid(in: space) && seen.insert(candidate).inserted { result.append(candidate) }
        }
        let allowed = space.allowedOperations
        switch kind {
        case .op, .function:
            for position in operations.indices {
                let current = operations[position]
                for op in allowed where op != current && (op.type == current.type) == (kind == .function) {
                    var copy = self
                    copy.operations[position] = op
                    consider(copy)
                }
            }
        case .communicatePlace:
            for from in communicatePositions {
                for to in operations.indices where to != from {
                    var copy = self
                    copy.operations.remove(at: from)
                    copy.operations.insert(.communicate, at: to)
                    consider(copy)
                }
            }
        }
        return result
    }

    /// A valid architecture one mutation away: a kind is drawn uniformly among `kinds` that have a valid
    /// result, then a result uniformly among that kind's `neighbours`. Throws when no kind has one.
    public func mutated(
        in space: DesignSpace, kinds: [MutationKind] = MutationKind.allCases, using generator: inout SeededGenerator
    ) throws(DesignError) -> Architecture {
        let options = kinds.map { neighbours($0, in: space) }.filter { !$0.isEmpty }
        guard !options.isEmpty else {
            throw DesignError.noValidArchitecture(
                detail: "no valid mutation (\(kinds.map(\.rawValue).joined(separator: ", "))) of \(text)"
                    + " in space '\(space.name)'")
        }
        let chosen = options[Int(generator.next() % UInt64(options.count))]
        return chosen[Int(generator.next() % UInt64(chosen.count))]
    }

    /// A valid one-point crossover child: the first `cut` positions of `self` and the rest of `other`, with
    /// the cut drawn uniformly among those (1 ..< positions) that give a valid child. Throws when none does.
    public func crossover(
        with other: Architecture, in space: DesignSpace, using generator: inout SeededGenerator
    ) throws(DesignError) -> Architecture {
        precondition(other.positions == positions, "crossover parents must have the same number of positions")
        var children: [Architecture] = []
        for cut in 1..<max(positions, 1) {
            let child = Architecture(Array(operations[..<cut] + other.operations[cut...]))
            if child.isValid(in: space) { children.append(child) }
        }
        guard !children.isEmpty else {
            throw DesignError.noValidArchitecture(
                detail: "no one-point crossover of \(text) and \(other.text) is valid in space '\(space.name)'")
        }
        return children[Int(generator.next() % UInt64(children.count))]
    }
}
