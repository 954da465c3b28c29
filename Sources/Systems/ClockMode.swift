/// How emulated time is spent: really waited, or accounted.
public enum ClockMode: String, Sendable, Hashable, CaseIterable {
    /// The runtime really sleeps for dilation and the link really throttles: wall-clock truth.
    case wait
    /// The same ops and bytes run, but dilation and link time are added to an accounted clock.
    case virtual
}
