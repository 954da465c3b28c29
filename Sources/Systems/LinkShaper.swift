/// A user-space link: a token bucket at the link bandwidth plus a fixed one-way delay, for one direction.
///
/// The bucket holds at most `burst` bytes; a message of n bytes leaves the sender when the bucket has paid
/// for its bytes and arrives `delay` seconds later. In the wait clock `send` really paces the bytes (the
/// sender's writes are released chunk by chunk as tokens arrive) and then waits the delay; in the virtual
/// clock the same bytes are written at once and transmission + delay is only accounted (queueing behind
/// earlier messages is the caller's pipeline accounting). Not thread-safe: one
/// shaper per direction per connection, used by one thread at a time.
public struct LinkShaper: Sendable {
    /// The link shaped.
    public var link: LinkProfile
    /// Wait or virtual.
    public var clock: ClockMode
    /// Bucket size in bytes (the largest burst sent at once).
    public var burst: Int
    /// When the schedule started (monotonic seconds), for `link.schedule`.
    public var origin: Double
    /// Emulated time at which the link is next free (virtual accounting; the monotonic clock in wait mode).
    private var freeAt: Double = 0

    /// A shaper for `link` under `clock`, whose schedule starts at `origin`.
    public init(link: LinkProfile, clock: ClockMode, burst: Int = 16 * 1024, origin: Double = MonotonicClock.now()) {
        self.link = link
        self.clock = clock
        self.burst = max(1, burst)
        self.origin = origin
    }

    /// Accounts `bytes` handed to the link at emulated time `now` (seconds): returns when the last byte has
    /// left (`sent`) and when it arrives (`arrives` = sent + delay). The link is busy until `sent`.
    public mutating func account(bytes: Int, at now: Double) -> (sent: Double, arrives: Double) {
        let start = max(now, freeAt)
        let sent = start + link.transmissionTime(bytes: bytes, at: start - origin)
        freeAt = sent
        return (sent, sent + link.delay)
    }

    /// Sends `bytes` bytes through `write(range)` (called with consecutive ranges covering `0..<bytes`),
    /// shaped: in the wait clock each chunk of `burst` bytes is released when the bucket has its tokens, the
    /// last one only when the message arrives (sent + delay); in the virtual clock everything is written at once.
    /// Returns the link time in seconds (queueing behind earlier messages + transmission + delay): on the wait
    /// clock the accounted arrival the sender waited for, not the time its last sleep happened to take.
    public mutating func send(bytes: Int, _ write: (Range<Int>) throws -> Void) rethrows -> Double {
        let start = MonotonicClock.now()
        guard clock == .wait else {
            try write(0..<bytes)
            return link.transmissionTime(bytes: bytes, at: start - origin) + link.delay
        }
        let times = account(bytes: bytes, at: start)
        let rate = link.megabitsPerSecond(at: start - origin) * 1e6 / 8  // bytes per second
        let begin = times.sent - Double(bytes) / rate
        var offset = 0
        while offset < bytes {
            let end = min(bytes, offset + burst)
            // Tokens for [0, end) have arrived at begin + end / rate; release the chunk then. The last chunk is
            // held until the message arrives, so the receiver cannot start before the delay has passed.
            MonotonicClock.sleep(until: end == bytes ? times.arrives : begin + Double(end) / rate)
            try write(offset..<end)
            offset = end
        }
        return times.arrives - start
    }

    /// Delivers a message of `bytes` bytes that came in at monotonic time `arrival` as if it had crossed this
    /// link (receiver-side shaping, used for the edge → device direction): the wait clock sleeps until the
    /// shaped arrival; both clocks return the link time in seconds.
    public mutating func receive(bytes: Int, arrival: Double) -> Double {
        guard clock == .wait else { return link.transmissionTime(bytes: bytes, at: arrival - origin) + link.delay }
        let times = account(bytes: bytes, at: arrival)
        MonotonicClock.sleep(until: times.arrives)
        return times.arrives - arrival
    }
}
