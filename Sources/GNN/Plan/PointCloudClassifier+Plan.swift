extension DGCNN {
    /// The model as a device-only plan (`BaselineModel.plan(split:points:)` at its last split point; its
    /// `points` is the fewest the model accepts).
    public func evaluationPlan() throws -> ExecutionPlan? {
        let model = BaselineModel.dgcnn(self)
        return try model.plan(split: model.layerCount, points: minimumNodes)
    }
}

extension PointNet {
    /// The model as a device-only plan (`BaselineModel.plan(split:points:)` at its last split point; its
    /// `points` is the fewest the model accepts).
    public func evaluationPlan() throws -> ExecutionPlan? {
        let model = BaselineModel.pointNet(self)
        return try model.plan(split: model.layerCount, points: minimumNodes)
    }
}
