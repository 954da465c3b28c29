extension Architecture {
    /// Throws the first broken rule (scanning positions in order, then the end conditions), naming its position.
    ///
    /// Rules (SPEC.md §2, details decided by Tandem): `space.positions` positions; op types and functions the
    /// space allows; knn and aggregate never after the pool; an aggregate needs an earlier knn (graphs stay
    /// valid after later combines and aggregates: they are node indices, rebuilt only by the next knn);
    /// exactly one pool; at most two communicates; no width above `space.maxFeatureWidth`; the mode (D, E,
    /// DE, ED, DED) allowed by the space. Two adjacent communicates are legal (a wasted round trip).
    public func validate(in space: DesignSpace) throws(DesignError) {
        if let violation = firstViolation(in: space) { throw violation.error }
    }

    /// Whether `validate(in:)` would succeed.
    public func isValid(in space: DesignSpace) -> Bool { firstViolation(in: space) == nil }

    /// The first broken rule, or nil.
    func firstViolation(in space: DesignSpace) -> Violation? {
        guard operations.count == space.positions else {
            return Violation(
                .positionCount, nil,
                "\(operations.count) positions, but space '\(space.name)' has \(space.positions)")
        }
        var state = BuildState.start(space)
        for (position, op) in operations.enumerated() {
            switch state.advanced(by: op, at: position, in: space) {
            case .success(let next): state = next
            case .failure(let violation): return violation
            }
        }
        if !state.pooled {
            return Violation(.missingPool, nil, "no pool: the head needs one vector per sample")
        }
        if let mode = state.mode, !space.modes.contains(mode) {
            let allowed = Mode.allCases.filter { space.modes.contains($0) }.map(\.rawValue).joined(separator: ", ")
            return Violation(
                .modeNotAllowed, communicatePositions.last,
                "mode \(mode) is not allowed by space '\(space.name)' (allowed: \(allowed))")
        }
        return nil
    }
}
