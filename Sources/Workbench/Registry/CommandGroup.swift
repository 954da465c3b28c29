/// A named group of commands for `help GROUP`; help lists groups in the order they first appear in the
/// registration list. Add a group as a `static let` in an extension next to the commands that use it.
public struct CommandGroup: Sendable, Equatable, Hashable {
    /// The group's one-word name, as typed after `help`.
    public var name: String
    /// One line saying what the group is for.
    public var summary: String

    /// A group; `name` is one lowercase word.
    public init(_ name: String, _ summary: String) {
        self.name = name
        self.summary = summary
    }

    /// Help, names, settings, history, scripts and the like.
    public static let session = CommandGroup("session", "help, named values, settings, history and scripts")
    /// Reading, generating and writing data sets.
    public static let data = CommandGroup("data", "load, list, generate and export data sets")
}
