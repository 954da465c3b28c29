extension ArchitectureSampler {
    /// Every (operation, input width) pair that occurs at `position` in at least one valid architecture.
    public func viableSteps(at position: Int) -> Set<ViableStep> {
        precondition(position >= 0 && position < space.positions, "position \(position) is outside the space")
        var result: Set<ViableStep> = []
        for (state, count) in completions[position] where count > 0 {
            for op in operations {
                if case .success(let after) = state.advanced(by: op, at: position, in: space),
                    (completions[position + 1][after] ?? 0) > 0
                {
                    result.insert(ViableStep(operation: op, inputWidth: state.width))
                }
            }
        }
        return result
    }

    /// The pooled widths that valid architectures hand to the head.
    public var headInputWidths: Set<Int> {
        Set(completions[space.positions].filter { $0.value > 0 }.map(\.key.width))
    }
}

/// An operation together with the feature width it receives.
public struct ViableStep: Sendable, Hashable {
    /// The operation.
    public var operation: Operation
    /// The width of its input.
    public var inputWidth: Int
}
