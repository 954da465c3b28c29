/// Runs ops as if on a slower processor: the op really runs, then the time is dilated by the profile factor.
///
/// The measured time of an op is the calling thread's CPU time when the processor has one thread (the ops
/// then run on the calling thread, BLAS included), so that other processes on a loaded host do not count as
/// the op's work; with more threads it is the wall-clock time. The emulated duration is `factor ×` the
/// measured time. The wait clock sleeps until that much wall time has passed since the op started; the
/// virtual clock only accounts it.
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

    /// Runs `op` and returns its result and its duration in seconds: on the virtual clock the emulated
    /// duration; on the wait clock the wall time until the call returns (the emulated duration, or more when
    /// the op itself took longer than that on the wall clock).
    public func run<R>(_ op: () throws -> R) rethrows -> (result: R, seconds: Double) {
        let start = MonotonicClock.now()
        let cpuStart = MonotonicClock.threadCPUTime()
        let result = try op()
        let wall = MonotonicClock.now() - start
        let measured = processor.threads == 1 ? MonotonicClock.threadCPUTime() - cpuStart : wall
        let emulated = processor.factor * measured
        guard clock == .wait else { return (result, emulated) }
        MonotonicClock.sleep(until: start + emulated)
        return (result, MonotonicClock.now() - start)
    }
}
