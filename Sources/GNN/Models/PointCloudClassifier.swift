import HDF5
import Tensor

/// A point-cloud classifier trained by `Training`: parameters in a store, a forward pass that records a
/// tape, and a backward pass from the logits' gradient.
public protocol PointCloudClassifier: Sendable {
    /// What the backward pass needs from the forward pass.
    associatedtype Tape

    /// The model's named tensors.
    var store: ParameterStore { get set }
    /// The number of classes (logit width).
    var classes: Int { get }

    /// Logits [B, classes] for `points` [B·N, 3]; in training BatchNorm uses batch statistics and dropout
    /// draws from `generator`. Kernels run on up to `threads.threads` threads.
    mutating func forward(
        _ points: Tensor, batch: Int, nodes: Int, training: Bool, generator: inout SeededGenerator,
        threads: ThreadBudget
    ) -> (Tensor, Tape)

    /// The gradients of every parameter for the logits' gradient `dLogits` [B, classes], on up to
    /// `threads.threads` threads.
    func backward(_ dLogits: Tensor, tape: Tape, threads: ThreadBudget) -> Gradients

    /// The fewest points per cloud the model accepts (DGCNN: k).
    var minimumNodes: Int { get }
}

extension PointCloudClassifier {
    /// Any cloud with at least one point.
    public var minimumNodes: Int { 1 }

    /// Why `data` cannot go through this model (too few points per cloud, a label outside the classes), or nil.
    public func problem(with data: PointCloudSet) -> String? {
        if data.pointsPerCloud < minimumNodes {
            return "clouds have \(data.pointsPerCloud) points, the model needs at least \(minimumNodes)"
        }
        if let bad = data.labels.first(where: { $0 < 0 || Int($0) >= classes }) {
            return "label \(bad) is outside the model's \(classes) classes"
        }
        return nil
    }
}
