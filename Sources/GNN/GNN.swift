import Tensor

/// Namespace for facts shared by every GNN layer.
public enum GNN {
    /// The negative slope of every LeakyReLU in Tandem's models (DGCNN's value).
    public static let leakySlope: Float = 0.2
}
