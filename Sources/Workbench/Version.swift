/// Facts about this build of Tandem.
public enum Tandem {
    /// The version printed by `tandem --version`.
    public static let version = "0.1.0"
}
