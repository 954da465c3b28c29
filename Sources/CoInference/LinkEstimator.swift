import Foundation

/// Estimates the link bandwidth from the transfers of recent requests, as the device sees them.
///
/// Each observation is one request's transfers: the bytes that crossed (both directions) and the link
/// seconds they took (queueing + transmission + the one-way delay per crossing, as `RequestReport` gives
/// them). The delay is known (the link's nominal one-way delay) and is taken off first, so a sample is
/// `bytes × 8 / (seconds − crossings × delay)` in Mbit/s. The estimate is the **median of the last `window`
/// samples** (default 3), not an EWMA: with 3 samples one outlier (a retransmission, a scheduling hiccup, a
/// request that queued behind another) cannot move the median past its two neighbours, while an EWMA moves
/// by α × the outlier whatever α is; and after a step change the median takes the new rate after exactly
/// ⌈window/2⌉ = 2 samples, where an EWMA only converges geometrically (α = 0.5 is still 25 % off after two).
/// A request without a transfer (device-only) adds no sample but ages the estimate.
public struct LinkEstimator: Sendable, Equatable {
    /// The current estimate with how much it can be trusted.
    public struct Estimate: Sendable, Equatable {
        /// The median of the recent samples (Mbit/s, 10⁶ bits per second).
        public var megabitsPerSecond: Double
        /// Samples the median is over (1…window).
        public var samples: Int
        /// Requests since the newest sample (0: the last request had transfers).
        public var age: Int
        /// In 0…1: samples / window, halved for every `window` requests of age.
        public var confidence: Double
    }

    /// Samples the median is taken over.
    public let window: Int
    /// The one-way delay taken off every crossing (seconds).
    public let delay: Double
    /// The recent samples, oldest first (Mbit/s).
    public private(set) var samples: [Double] = []
    /// Requests since the newest sample.
    public private(set) var age = 0

    /// An estimator over the last `window` samples (at least 1) for a link with one-way `delay` seconds.
    public init(window: Int = 3, delay: Double) {
        self.window = max(1, window)
        self.delay = max(0, delay)
    }

    /// Records one request's transfers: `bytes` crossed in `crossings` messages taking `seconds` of link
    /// time. A request without transfers (`bytes` or `crossings` 0), or whose link time does not exceed the
    /// delays (nothing left to measure the rate by), only ages the estimate. Returns the sample taken, if any.
    @discardableResult
    public mutating func observe(bytes: Int, seconds: Double, crossings: Int) -> Double? {
        let wire = seconds - Double(crossings) * delay
        guard bytes > 0, crossings > 0, wire > 0, wire.isFinite else {
            age += 1
            return nil
        }
        let rate = Double(bytes) * 8 / wire / 1e6
        samples.append(rate)
        if samples.count > window { samples.removeFirst(samples.count - window) }
        age = 0
        return rate
    }

    /// The estimate, nil before the first sample.
    public var estimate: Estimate? {
        guard !samples.isEmpty else { return nil }
        let sorted = samples.sorted()
        let middle = sorted.count / 2
        let median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        let confidence = Double(samples.count) / Double(window) * pow(2, -Double(age) / Double(window))
        return Estimate(megabitsPerSecond: median, samples: samples.count, age: age, confidence: confidence)
    }
}
