import Design

/// The design space a command works in: the session space named by `in NAME`, else the paper's space.
enum SpaceArgument {
    /// The `in SPACE` argument every design command takes.
    static let spec = ArgumentSpec(
        "in", .marked("in"), .name, .optional, "the design space (a `space` value; the paper's space if left out)")

    /// The space `in` names, or `DesignSpace.paper`.
    static func resolve(_ call: Invocation, in session: Session) throws -> DesignSpace {
        guard let name = call.text("in") else { return .paper }
        return try session.value(name, as: DesignSpace.self, for: call, argument: "in")
    }
}
