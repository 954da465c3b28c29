import Tensor

/// Random point-cloud augmentation for training (seeded): per cloud an anisotropic scale and a shift per
/// axis (DGCNN's `translate_pointcloud`), then per point Gaussian jitter clipped to ±`jitterClip` (PointNet).
public struct Augmentation: Sendable, Equatable {
    /// Scale factors are drawn uniformly from this range, per axis.
    public var scale: ClosedRange<Float>
    /// Shifts are drawn uniformly from ±shift, per axis.
    public var shift: Float
    /// Standard deviation of the per-point jitter (0 turns it off).
    public var jitter: Float
    /// Jitter is clipped to ±jitterClip.
    public var jitterClip: Float

    /// The usual settings: scale 2/3…3/2, shift ±0.2, jitter σ 0.01 clipped at 0.02.
    public init(
        scale: ClosedRange<Float> = (2 / 3)...1.5, shift: Float = 0.2, jitter: Float = 0.01, jitterClip: Float = 0.02
    ) {
        self.scale = scale
        self.shift = shift
        self.jitter = jitter
        self.jitterClip = jitterClip
    }

    /// No change at all.
    public static let none = Augmentation(scale: 1...1, shift: 0, jitter: 0, jitterClip: 0)

    /// Augments `points` [B·N, 3] (B clouds of N points) in place.
    public func apply(to points: inout Tensor, batch: Int, nodes: Int, generator: inout SeededGenerator) {
        precondition(points.count == batch * nodes * 3, "augmentation needs [B·N, 3] points")
        let span = scale.upperBound - scale.lowerBound
        points.withUnsafeMutableBufferPointer { p in
            for b in 0..<batch {
                var factor = [Float](repeating: 1, count: 3)
                var offset = [Float](repeating: 0, count: 3)
                for axis in 0..<3 {
                    factor[axis] = scale.lowerBound + span * generator.nextUniform()
                    offset[axis] = shift * (2 * generator.nextUniform() - 1)
                }
                for n in 0..<nodes {
                    let base = (b * nodes + n) * 3
                    for axis in 0..<3 {
                        var v = p[base + axis] * factor[axis] + offset[axis]
                        if jitter > 0 { v += min(max(jitter * generator.nextNormal(), -jitterClip), jitterClip) }
                        p[base + axis] = v
                    }
                }
            }
        }
    }
}
