extension CommandGroup {
    /// Training, evaluating and extracting models.
    static let model = CommandGroup("model", "train and evaluate DGCNN, PointNet and architecture models")
    /// Design spaces, architectures and the supernet.
    static let design = CommandGroup("design", "design spaces, architectures with mappings, and the supernet")
}
