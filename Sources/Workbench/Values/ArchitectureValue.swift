import Design

/// One architecture together with the design space it was checked in (the space gives its mapping's widths,
/// sides and costs).
public struct ArchitectureValue: Sendable, Equatable {
    /// The architecture.
    public var architecture: Architecture
    /// The space it is valid in.
    public var space: DesignSpace

    /// An architecture valid in `space`.
    public init(_ architecture: Architecture, in space: DesignSpace) {
        self.architecture = architecture
        self.space = space
    }

    /// Its mapping (widths, sides, link crossings, costs); nil only if the architecture is not valid in space.
    public var mapping: Mapping? { try? architecture.mapping(in: space) }
}
