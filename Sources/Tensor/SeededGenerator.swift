import Foundation

/// A deterministic random number generator (xoshiro256**, seeded through SplitMix64).
///
/// Every command that samples takes a seed and builds one of these; the same seed gives the same stream
/// on every machine. Not cryptographic.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Equatable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// Creates a generator whose whole stream is determined by `seed`.
    public init(seed: UInt64) {
        var mix = seed
        func splitMix() -> UInt64 {
            mix &+= 0x9E37_79B9_7F4A_7C15
            var z = mix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (splitMix(), splitMix(), splitMix(), splitMix())
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    /// A uniform Float in [0, 1) with 24 random bits.
    public mutating func nextUniform() -> Float {
        Float(next() >> 40) * (1.0 / Float(1 << 24))
    }

    /// A standard normal Float (Box–Muller, one value per call).
    public mutating func nextNormal() -> Float {
        var u1 = nextUniform()
        while u1 <= .leastNormalMagnitude { u1 = nextUniform() }
        let u2 = nextUniform()
        return (-2 * logf(u1)).squareRoot() * cosf(2 * .pi * u2)
    }

    /// An independent generator derived from this one's stream (for a sub-task that must not shift the parent).
    public mutating func fork() -> SeededGenerator { SeededGenerator(seed: next()) }

    /// The state as one comparable value, for checkpoints: `SeededGenerator(state:)` restores it.
    public var savedState: [UInt64] { [state.0, state.1, state.2, state.3] }

    /// Restores a generator from `savedState`; returns nil unless exactly four words are given.
    public init?(state words: [UInt64]) {
        guard words.count == 4 else { return nil }
        state = (words[0], words[1], words[2], words[3])
    }

    /// Two generators are equal when they will produce the same stream.
    public static func == (lhs: SeededGenerator, rhs: SeededGenerator) -> Bool {
        lhs.savedState == rhs.savedState
    }

    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}
