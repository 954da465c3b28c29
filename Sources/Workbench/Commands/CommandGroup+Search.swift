extension CommandGroup {
    /// The constraint-based search and its zoo.
    static let search = CommandGroup("search", "search architectures under latency/energy budgets; the zoo")
}
