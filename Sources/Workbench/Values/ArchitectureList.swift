import Design

/// Several architectures of one design space, as `arch sample n=...` makes them.
public struct ArchitectureList: Sendable, Equatable {
    /// The architectures, in sampling order.
    public var architectures: [Architecture]
    /// The space they are valid in.
    public var space: DesignSpace

    /// A list of architectures valid in `space`.
    public init(_ architectures: [Architecture], in space: DesignSpace) {
        self.architectures = architectures
        self.space = space
    }

    /// The architecture at 1-based `index`, or nil.
    public func item(_ index: Int) -> ArchitectureValue? {
        guard index >= 1, index <= architectures.count else { return nil }
        return ArchitectureValue(architectures[index - 1], in: space)
    }
}
