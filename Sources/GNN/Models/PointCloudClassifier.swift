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
    /// draws from `generator`.
    mutating func forward(
        _ points: Tensor, batch: Int, nodes: Int, training: Bool, generator: inout SeededGenerator
    ) -> (Tensor, Tape)

    /// The gradients of every parameter for the logits' gradient `dLogits` [B, classes].
    func backward(_ dLogits: Tensor, tape: Tape) -> Gradients
}
