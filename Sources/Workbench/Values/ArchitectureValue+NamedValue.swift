import Design

extension ArchitectureValue: NamedValue {
    /// "architecture".
    public static var kindName: String { "architecture" }

    /// Mode, FLOPs per side, link bytes and the readable form.
    public var summary: String { mapping?.summary ?? architecture.text }

    /// The mapping drawn as text: each position with its op, width and side, and the link crossings.
    public var details: String { mapping?.drawing ?? architecture.text }
}
