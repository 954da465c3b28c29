import GNN

/// A device–edge co-inference system: a device profile, an edge profile and the link between them.
public struct System: Sendable, Hashable {
    /// The preset or user name, e.g. `pi-i7`.
    public var name: String
    /// The weak device (where execution starts; its energy is what SPEC.md §4 counts).
    public var device: ProcessorProfile
    /// The edge server.
    public var edge: ProcessorProfile
    /// The link between them.
    public var link: LinkProfile

    /// A system from its parts.
    public init(name: String, device: ProcessorProfile, edge: ProcessorProfile, link: LinkProfile) {
        self.name = name
        self.device = device
        self.edge = edge
        self.link = link
    }

    /// The profile of one side.
    public func processor(_ side: Side) -> ProcessorProfile { side == .device ? device : edge }
}
