import Testing

@testable import Systems

@Test func deviceEnergyMatchesTheHandComputedPiExample() {
    let energy = DeviceEnergy(power: System.pi4.power, compute: 0.1, idle: 0.05, send: 0.02, receive: 0.01)
    // 6.4 × 0.1 + 2.7 × 0.05 + 3.6 × 0.02 + 3.2 × 0.01 (Sources/Systems/README.md).
    #expect(abs(energy.compute - 0.64) < 1e-12)
    #expect(abs(energy.idle - 0.135) < 1e-12)
    #expect(abs(energy.send - 0.072) < 1e-12)
    #expect(abs(energy.receive - 0.032) < 1e-12)
    #expect(abs(energy.total - 0.879) < 1e-12)
}

@Test func presetsHaveTheDocumentedFactorsAndThisHostAsEdge() throws {
    let pi = try #require(System.preset("pi-i7"))
    let tx2 = try #require(System.preset("tx2-i7"))
    #expect(pi.device.factor == 10 && tx2.device.factor == 4)
    #expect(pi.edge.factor == 1 && tx2.edge.factor == 1)
    #expect(System.preset("nano-i7") == nil)
}

/// Keeps the thread busy for `seconds` of its own CPU time.
private func spin(_ seconds: Double) {
    let end = MonotonicClock.threadCPUTime() + seconds
    var x = 0.0
    while MonotonicClock.threadCPUTime() < end { x += 1 }
    precondition(x >= 0)
}

@Test func virtualDilationAccountsFactorTimesTheMeasuredTimeWithoutWaiting() {
    let dilation = Dilation(
        processor: ProcessorProfile(name: "slow", factor: 50, threads: 1, power: System.pi4.power),
        clock: .virtual)
    let start = MonotonicClock.now()
    let (_, emulated) = dilation.run { spin(0.002) }
    let wall = MonotonicClock.now() - start
    #expect(emulated >= 50 * 0.002 * 0.99)
    #expect(wall < 0.09, "the virtual clock waited: \(wall) s (waiting would take 0.1 s)")
}

@Test func waitDilationReallySleepsTheExtraTime() {
    let dilation = Dilation(
        processor: ProcessorProfile(name: "slow", factor: 20, threads: 1, power: System.pi4.power),
        clock: .wait)
    let start = MonotonicClock.now()
    let (_, seconds) = dilation.run { spin(0.003) }
    let wall = MonotonicClock.now() - start
    #expect(wall >= 0.0599, "a 3 ms op at factor 20 returned after \(wall) s")
    // The wait clock reports the accounted time and never returns before it; waking up from the sleep may
    // take longer on a loaded machine (16 ms seen under parallel builds), so only a gross overshoot, such as
    // sleeping the whole factor twice (+60 ms), fails.
    #expect(wall >= seconds - 0.001, "returned before the accounted \(seconds) s: \(wall) s")
    #expect(wall - seconds < 0.04, "slept \(wall) s for an accounted \(seconds) s")
}

@Test func dilationCountsTheThreadsCPUTimeNotTimeSpentOffTheCPU() {
    let dilation = Dilation(
        processor: ProcessorProfile(name: "slow", factor: 10, threads: 1, power: System.pi4.power),
        clock: .virtual)
    // 20 ms asleep: no work done, so nothing is multiplied by 10 (that would be 0.2 s); the op is charged
    // its wall time, which no clock can go below.
    let (_, emulated) = dilation.run { MonotonicClock.sleep(0.02) }
    #expect(emulated >= 0.02 && emulated < 0.1, "a sleeping op was accounted \(emulated) s")
}

@Test func bothClocksChargeAnUndilatedOpItsWallTime() {
    // Factor 1 (the edge is this host): an op that spends 20 ms off the CPU is charged those 20 ms on both
    // clocks, so the virtual clock charges what the wait clock cannot avoid waiting for.
    let host = ProcessorProfile(name: "host", factor: 1, threads: 1, power: System.host.power)
    for clock in ClockMode.allCases {
        let (_, seconds) = Dilation(processor: host, clock: clock).run { MonotonicClock.sleep(0.02) }
        #expect(seconds >= 0.02 && seconds < 0.1, "\(clock): \(seconds) s")
    }
}
