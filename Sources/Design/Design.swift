/// Namespace for facts shared by the design space.
public enum Design {
    /// The number of positions of the paper's design space.
    public static let paperPositions = 12
}
