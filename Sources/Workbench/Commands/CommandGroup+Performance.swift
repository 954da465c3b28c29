extension CommandGroup {
    /// Profiling, ground truth and the latency / energy predictor.
    static let performance = CommandGroup(
        "performance", "profile ops, measure ground truth, train and use the latency/energy predictor")
}
