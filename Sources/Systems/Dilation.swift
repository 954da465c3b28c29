/// Runs ops as if on a slower processor: the op really runs, then the time is dilated by the profile factor.
///
/// The measured time of an op is the calling thread's CPU time when the processor has one thread (the ops
/// then run on the calling thread, BLAS included), so that other processes on a loaded host are not
/// multiplied by the factor as if they were the op's work; with more threads it is the wall-clock time.
/// Both clocks charge the same **accounted** time, `max(factor × measured, wall)`: the emulated duration,
/// but never less than the op really took on the wall clock (the wait clock cannot make an op faster than
/// it ran; with factor 1, the edge being this host, the accounted time is the op's wall time). The wait clock
/// sleeps until that much wall time has passed since the op started and returns the accounted time, not
/// the time its sleep happened to take; the virtual clock only accounts it.
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

    /// Runs `op` and returns its result and its accounted duration in seconds (the same on both clocks:
    /// `max(factor × measured, wall)`); on the wait clock the call returns once that much time has passed.
    public func run<R>(_ op: () throws -> R) rethrows -> (result: R, seconds: Double) {
        let start = MonotonicClock.now()
        let cpuStart = MonotonicClock.threadCPUTime()
        let result = try op()
        let wall = MonotonicClock.now() - start
        let measured = processor.threads == 1 ? MonotonicClock.threadCPUTime() - cpuStart : wall
        let accounted = max(processor.emulated(measured), wall)
        if clock == .wait { MonotonicClock.sleep(until: start + accounted) }
        return (result, accounted)
    }
}
