import Tensor

/// Mean absolute percentage error as a training loss: `L = (1/n) Σ |ŷᵢ − yᵢ| / |yᵢ|` (a fraction, not percent).
///
/// Its gradient is `sign(ŷᵢ − yᵢ) / (n·|yᵢ|)`, taking 0 where ŷᵢ = yᵢ (a subgradient; the loss has a kink
/// there). Targets must be non-zero.
public enum MAPELoss {
    /// The loss and its gradient with respect to `predicted` (same shape as `predicted`, one entry per target).
    public static func evaluate(predicted: Tensor, targets: [Float]) -> (loss: Double, gradient: Tensor) {
        precondition(
            predicted.count == targets.count, "MAPELoss: \(predicted.count) predictions, \(targets.count) targets")
        let n = Double(max(targets.count, 1))
        var loss = 0.0
        var gradient = Tensor.zeros(predicted.shape)
        gradient.withUnsafeMutableBufferPointer { g in
            predicted.withUnsafeBufferPointer { p in
                for i in 0..<targets.count {
                    let y = Double(targets[i])
                    let difference = Double(p[i]) - y
                    loss += abs(difference) / abs(y)
                    let sign: Double = difference > 0 ? 1 : (difference < 0 ? -1 : 0)
                    g[i] = Float(sign / (n * abs(y)))
                }
            }
        }
        return (loss / n, gradient)
    }
}
