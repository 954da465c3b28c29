import Foundation
import Tensor

/// Softmax cross-entropy with label smoothing, averaged over the batch.
///
/// The target distribution puts `1 − smoothing` on the true class and `smoothing / (K − 1)` on each other
/// class (DGCNN's `cal_loss`); smoothing 0 is the plain cross-entropy.
public enum CrossEntropy {
    /// The mean loss over the B rows of `logits` [B, K] and its gradient with respect to the logits.
    public static func lossAndGradient(logits: Tensor, labels: [Int32], smoothing: Float = 0) -> (Float, Tensor) {
        precondition(logits.rank == 2 && logits.shape[0] == labels.count, "logits must be [B, K] for B labels")
        let rows = logits.shape[0]
        let classes = logits.shape[1]
        precondition(classes > 1, "cross-entropy needs at least two classes")
        let off = smoothing / Float(classes - 1)
        let on = 1 - smoothing
        var grad = logits
        var total = 0.0
        logits.withUnsafeBufferPointer { lp in
            grad.withUnsafeMutableBufferPointer { gp in
                for r in 0..<rows {
                    let base = r * classes
                    var top = -Float.infinity
                    for j in 0..<classes { top = max(top, lp[base + j]) }
                    var sum: Double = 0
                    for j in 0..<classes { sum += exp(Double(lp[base + j] - top)) }
                    let logSum = Double(top) + log(sum)
                    let label = Int(labels[r])
                    precondition(label >= 0 && label < classes, "label \(label) is not a class index")
                    for j in 0..<classes {
                        let target = j == label ? on : off
                        let logP = Double(lp[base + j]) - logSum
                        total -= Double(target) * logP
                        gp[base + j] = (Float(exp(logP)) - target) / Float(rows)
                    }
                }
            }
        }
        return (Float(total / Double(rows)), grad)
    }
}
