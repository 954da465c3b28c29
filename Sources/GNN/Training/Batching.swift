import HDF5
import Tensor

/// Assembling batches from a data set and reading predictions off logits.
public enum Batching {
    /// The clouds at `indices` as one node-major [B·P, 3] tensor, with their labels.
    public static func gather(_ data: PointCloudSet, indices: [Int]) -> (Tensor, [Int32]) {
        let stride = data.pointsPerCloud * 3
        var points = Tensor.zeros([indices.count * data.pointsPerCloud, 3])
        points.withUnsafeMutableBufferPointer { out in
            data.points.withUnsafeBufferPointer { source in
                for (b, index) in indices.enumerated() {
                    for e in 0..<stride { out[b * stride + e] = source[index * stride + e] }
                }
            }
        }
        return (points, indices.map { data.labels[$0] })
    }

    /// The index of the largest logit of each row of [B, K] (the first one on ties).
    public static func argmax(_ logits: Tensor) -> [Int] {
        let rows = logits.shape[0]
        let classes = logits.shape[1]
        return (0..<rows).map { r in
            var best = 0
            for j in 1..<max(classes, 1) where logits.scalars[r * classes + j] > logits.scalars[r * classes + best] {
                best = j
            }
            return best
        }
    }

    /// `value` with three decimals, for progress notes.
    static func rounded(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return "\(value)" }
        let scaled = Int((value * 1000).rounded())
        let fraction = String(abs(scaled) % 1000)
        let sign = scaled < 0 ? "-" : ""
        return sign + String(abs(scaled) / 1000) + "." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
