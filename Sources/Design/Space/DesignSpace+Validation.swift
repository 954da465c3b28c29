import GNN

extension DesignSpace {
    /// Throws `invalidSpace` naming the first field that contradicts the others.
    ///
    /// Checks: at least one position; pool allowed with at least one pool kind; an allowed combine has
    /// widths, all from `Operation.combineWidthTable`, without repeats; an allowed aggregate has messages
    /// and reducers and needs knn allowed; at least one mode, and a mode other than D needs communicate
    /// allowed; 1 ≤ k < points per cloud; input width, classes, head widths and the width limit positive,
    /// the limit at least the input width. (Whether any architecture is valid is checked by
    /// `ArchitectureSampler`.)
    public func validate() throws(DesignError) {
        func fail(_ detail: String) -> DesignError { .invalidSpace(space: name, detail: detail) }
        guard positions >= 1 else { throw fail("positions = \(positions), needs at least 1") }
        guard allowedOps.contains(.pool), !poolKinds.isEmpty else {
            throw fail("pool must be allowed with at least one pool kind (the head needs one vector per sample)")
        }
        if allowedOps.contains(.combine) {
            guard !combineWidths.isEmpty else { throw fail("combine is allowed but no combine width is given") }
            for width in combineWidths where !Operation.combineWidthTable.contains(width) {
                throw fail("combine width \(width) is not one of \(Operation.combineWidthTable)")
            }
            guard Set(combineWidths).count == combineWidths.count else { throw fail("combine widths repeat") }
        }
        if allowedOps.contains(.aggregate) {
            guard !messages.isEmpty, !reducers.isEmpty else {
                throw fail("aggregate is allowed but no message type or reducer is given")
            }
            guard allowedOps.contains(.knn) else { throw fail("aggregate is allowed but knn (its graph) is not") }
        }
        guard !modes.isEmpty else { throw fail("no mode (D, E, DE, ED, DED) is allowed") }
        if !allowedOps.contains(.communicate) && !modes.contains(.d) {
            throw fail("communicate is not allowed, so only mode D is possible, but D is not among the modes")
        }
        guard k >= 1, k < pointsPerCloud else {
            throw fail("k = \(k) must be at least 1 and below the points per cloud (\(pointsPerCloud))")
        }
        guard inputWidth >= 1 else { throw fail("input width \(inputWidth) must be positive") }
        guard classes >= 2 else { throw fail("classes = \(classes), needs at least 2") }
        guard headWidths.allSatisfy({ $0 >= 1 }) else { throw fail("head widths \(headWidths) must be positive") }
        guard maxFeatureWidth >= inputWidth else {
            throw fail("the width limit \(maxFeatureWidth) is below the input width \(inputWidth)")
        }
    }
}
