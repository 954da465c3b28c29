import CoInference
import Testing

/// The link seconds of `bytes` in `crossings` messages at `mbps` with one-way `delay` (the shaper's accounting).
private func linkSeconds(_ bytes: Int, crossings: Int, mbps: Double, delay: Double) -> Double {
    Double(bytes) * 8 / (mbps * 1e6) + Double(crossings) * delay
}

@Test func aSteadyRateIsEstimatedWithTheDelayTakenOff() throws {
    var estimator = LinkEstimator(delay: 0.005)
    #expect(estimator.estimate == nil)
    for bytes in [10_000, 20_000, 5_000, 40_000] {
        estimator.observe(bytes: bytes, seconds: linkSeconds(bytes, crossings: 2, mbps: 40, delay: 0.005), crossings: 2)
    }
    let estimate = try #require(estimator.estimate)
    #expect(abs(estimate.megabitsPerSecond - 40) < 1e-6 * 40)
    #expect(estimate.samples == 3)
    #expect(estimate.age == 0)
    #expect(estimate.confidence == 1)
}

@Test func aStepChangeIsTakenAfterTwoSamples() throws {
    var estimator = LinkEstimator(delay: 0.002)
    for _ in 0..<5 {
        estimator.observe(
            bytes: 8_000, seconds: linkSeconds(8_000, crossings: 1, mbps: 100, delay: 0.002), crossings: 1)
    }
    estimator.observe(bytes: 8_000, seconds: linkSeconds(8_000, crossings: 1, mbps: 10, delay: 0.002), crossings: 1)
    #expect(abs((estimator.estimate?.megabitsPerSecond ?? 0) - 100) < 1e-6 * 100, "one sample is not yet a change")
    estimator.observe(bytes: 8_000, seconds: linkSeconds(8_000, crossings: 1, mbps: 10, delay: 0.002), crossings: 1)
    #expect(abs((estimator.estimate?.megabitsPerSecond ?? 0) - 10) < 1e-6 * 10)
}

@Test func oneOutlierDoesNotMoveTheEstimate() throws {
    var estimator = LinkEstimator(delay: 0.005)
    let steady = linkSeconds(16_000, crossings: 2, mbps: 40, delay: 0.005)
    estimator.observe(bytes: 16_000, seconds: steady, crossings: 2)
    estimator.observe(bytes: 16_000, seconds: steady, crossings: 2)
    estimator.observe(bytes: 16_000, seconds: steady * 20, crossings: 2)  // one transfer 20× late
    #expect(abs((estimator.estimate?.megabitsPerSecond ?? 0) - 40) < 1e-6 * 40)
    estimator.observe(bytes: 16_000, seconds: steady, crossings: 2)
    estimator.observe(bytes: 16_000, seconds: 1e-9, crossings: 2)  // below the delays: no sample
    #expect(abs((estimator.estimate?.megabitsPerSecond ?? 0) - 40) < 1e-6 * 40)
}

@Test func requestsWithoutTransfersAgeTheEstimate() throws {
    var estimator = LinkEstimator(delay: 0.005)
    estimator.observe(bytes: 1_000, seconds: linkSeconds(1_000, crossings: 1, mbps: 10, delay: 0.005), crossings: 1)
    let fresh = try #require(estimator.estimate)
    for _ in 0..<3 { estimator.observe(bytes: 0, seconds: 0, crossings: 0) }
    let stale = try #require(estimator.estimate)
    #expect(stale.age == 3)
    #expect(stale.confidence < fresh.confidence)
    #expect(stale.megabitsPerSecond == fresh.megabitsPerSecond)
}
