import Dispatch
import Foundation
import Glibc
import Testing

@testable import Systems

/// Sends `bytes` through a shaper over a real socket pair, with a thread draining the other end; returns the
/// wall-clock seconds until the reader had every byte, and the time the shaper reported.
private func shapedTransfer(bytes: Int, link: LinkProfile, clock: ClockMode) throws -> (wall: Double, link: Double) {
    var fds: [Int32] = [0, 0]
    #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds) == 0)
    defer {
        close(fds[0])
        close(fds[1])
    }
    let reader = fds[1]
    let start = MonotonicClock.now()
    let job = ReaderJob(fd: reader, bytes: bytes, start: start)
    let thread = Thread { job.run() }
    thread.start()
    let payload = [UInt8](repeating: 7, count: bytes)
    var shaper = LinkShaper(link: link, clock: clock, origin: start)
    let linkTime = shaper.send(bytes: bytes) { range in
        payload[range].withUnsafeBytes { raw in
            var sent = 0
            while sent < raw.count {
                guard let base = raw.baseAddress else { return }
                let n = send(fds[0], base + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
                if n <= 0 { return }
                sent += n
            }
        }
    }
    job.finished.wait()
    return (job.seconds, linkTime)
}

/// Drains `bytes` bytes from a descriptor and records when the last one came.
private final class ReaderJob: @unchecked Sendable {
    let fd: Int32, bytes: Int, start: Double
    let finished = DispatchSemaphore(value: 0)
    var seconds = 0.0
    init(fd: Int32, bytes: Int, start: Double) { (self.fd, self.bytes, self.start) = (fd, bytes, start) }
    func run() {
        var buffer = [UInt8](repeating: 0, count: 65536)
        var got = 0
        while got < bytes {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            got += n
        }
        seconds = MonotonicClock.now() - start
        finished.signal()
    }
}

@Test func waitClockShaperSendsTwoMegabytesAtFortyMegabitsInFourTenthsOfASecond() throws {
    let link = LinkProfile(megabitsPerSecond: 40, delay: 0)
    let (wall, reported) = try shapedTransfer(bytes: 2_000_000, link: link, clock: .wait)
    // 2·10⁶ B × 8 / 40·10⁶ bit/s = 0.4 s. Lower bound tight (shaping cannot be faster); the upper bound is
    // generous for a loaded machine, and an unshaped socket moves 2 MB in about 3 ms.
    #expect(wall >= 0.36, "shaped transfer took \(wall) s, expected ≥ 0.36 s")
    #expect(wall <= 0.8, "shaped transfer took \(wall) s, expected about 0.4 s")
    #expect(abs(reported - 0.4) <= 0.04 || reported > 0.4)
}

@Test func waitClockShaperHoldsTheLastChunkForTheOneWayDelay() throws {
    let link = LinkProfile(megabitsPerSecond: 1000, delay: 0.1)
    let (wall, _) = try shapedTransfer(bytes: 1000, link: link, clock: .wait)
    #expect(wall >= 0.099, "a 100 ms link delivered in \(wall) s")
}

@Test func virtualClockShaperWritesAtOnceAndAccountsTransmissionPlusDelay() throws {
    let link = LinkProfile(megabitsPerSecond: 40, delay: 0.005)
    let (wall, reported) = try shapedTransfer(bytes: 2_000_000, link: link, clock: .virtual)
    #expect(abs(reported - 0.405) < 1e-9)
    #expect(wall < 0.3, "virtual clock should not wait, took \(wall) s")
}

@Test func shaperAccountingQueuesMessagesBehindEachOther() {
    var shaper = LinkShaper(link: LinkProfile(megabitsPerSecond: 8, delay: 0.01), clock: .virtual, origin: 0)
    // 8 Mbit/s = 1 byte per µs: 1000 bytes take 1 ms.
    let first = shaper.account(bytes: 1000, at: 0)
    let second = shaper.account(bytes: 1000, at: 0.0005)
    #expect(abs(first.sent - 0.001) < 1e-12 && abs(first.arrives - 0.011) < 1e-12)
    #expect(abs(second.sent - 0.002) < 1e-12 && abs(second.arrives - 0.012) < 1e-12)
}

@Test func bandwidthScheduleAppliesFromItsTime() {
    let link = LinkProfile(
        megabitsPerSecond: 40, delay: 0,
        schedule: [.init(time: 5, megabitsPerSecond: 10), .init(time: 2, megabitsPerSecond: 20)])
    #expect(link.megabitsPerSecond(at: 0) == 40)
    #expect(link.megabitsPerSecond(at: 3) == 20)
    #expect(link.megabitsPerSecond(at: 7) == 10)
    #expect(abs(link.transmissionTime(bytes: 1_250_000, at: 7) - 1.0) < 1e-12)
}
