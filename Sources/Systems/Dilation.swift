/// Runs ops as if on a slower processor: the op really runs, then the time is dilated by the profile factor.
public struct Dilation: Sendable {
    /// The processor emulated.
    public var processor: ProcessorProfile
    /// Wait (sleep the extra time) or virtual (only account it).
    public var clock: ClockMode

    /// A dilation for `processor` under `clock`.
    public init(processor: ProcessorProfile, clock: ClockMode) {
        self.processor = processor
        self.clock = clock
    }

    /// Runs `op`, then (wait clock) sleeps `(factor − 1) ×` its measured time; returns its result and the
    /// emulated duration in seconds (`factor ×` measured, in both clocks).
    public func run<R>(_ op: () throws -> R) rethrows -> (result: R, seconds: Double) {
        let start = MonotonicClock.now()
        let result = try op()
        let measured = MonotonicClock.now() - start
        let extra = (processor.factor - 1) * measured
        if clock == .wait { MonotonicClock.sleep(extra) }
        return (result, measured + max(0, extra))
    }
}
