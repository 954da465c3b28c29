extension CommandGroup {
    /// Emulated systems and co-inference over a socket.
    static let deploy = CommandGroup("deploy", "emulated device/edge systems and co-inference over a socket")
}
