/// One line the user ran, as typed, with its canonical form when it succeeded and is recorded.
public struct HistoryEntry: Sendable, Equatable {
    /// The 1-based number `history` shows and `save PATH RANGE` selects by.
    public var number: Int
    /// The statement as typed.
    public var typed: String
    /// The canonical line the recorder keeps, or `nil` when the command failed or is not recorded.
    public var recorded: String?

    /// An entry; see the properties.
    public init(number: Int, typed: String, recorded: String?) {
        self.number = number
        self.typed = typed
        self.recorded = recorded
    }
}
