import GNN
import Tensor

/// A model file that can be deployed: a baseline (DGCNN / PointNet) or an architecture model, compiled to
/// execution plans.
public struct DeployableModel: Sendable {
    /// What the file holds.
    public enum Content: Sendable {
        /// A DGCNN or PointNet (GNN's `ModelFile`).
        case baseline(BaselineModel)
        /// A searched architecture with its own weights (`ArchitectureModel+File`).
        case architecture(ArchitectureModel)
    }

    /// The model.
    public var content: Content
    /// "dgcnn", "pointnet", or the architecture's readable text.
    public var name: String
    /// The class names stored in the file (empty when it has none).
    public var classNames: [String]
    /// Points per cloud recorded in the plans: the space's for an architecture model; for a baseline (which
    /// runs on any number of points ≥ k) 1024 unless set.
    public var points: Int

    /// A deployable baseline.
    public init(baseline: BaselineModel, classNames: [String] = [], points: Int = 1024) {
        content = .baseline(baseline)
        name = baseline.kind
        self.classNames = classNames
        self.points = points
    }

    /// A deployable architecture model.
    public init(architecture: ArchitectureModel, classNames: [String] = []) {
        content = .architecture(architecture)
        name = architecture.architecture.text
        self.classNames = classNames
        points = architecture.space.pointsPerCloud
    }

    /// Reads any Tandem model file: an architecture model (root attribute `model` = "architecture") or a
    /// baseline; throws the loader's error (naming the file and what is wrong), and for a supernet file says
    /// to extract an architecture first.
    public static func load(_ path: String) throws -> DeployableModel {
        if Supernet.isSupernetFile(path) {
            throw DesignError.file(
                path: path,
                detail: "a supernet holds the weights of every architecture and is not deployed itself: extract one "
                    + "architecture (`extract SN ARCH as NAME`), save it as a model file and deploy that")
        }
        if ArchitectureModel.isArchitectureModelFile(path) {
            let (model, names) = try ArchitectureModel.load(path)
            return DeployableModel(architecture: model, classNames: names)
        }
        let (model, names) = try ModelFile.load(path)
        return DeployableModel(baseline: model, classNames: names)
    }

    /// Valid split indices: a baseline's every layer boundary 0...layers (0 edge-only, layers device-only);
    /// an architecture model's own mapping only, [0].
    public var splitPoints: [Int] {
        switch content {
        case .baseline(let model): return Array(0...model.layerCount)
        case .architecture: return [0]
        }
    }

    /// The model identity (kind or architecture + CRC32 of all weights), the same in every plan.
    public var identity: String {
        switch content {
        case .baseline(let model): return model.identity
        case .architecture(let model): return model.identity
        }
    }

    /// The number of classes.
    public var classes: Int {
        switch content {
        case .baseline(let model): return model.classes
        case .architecture(let model): return model.classes
        }
    }

    /// The plan for `split` (see `splitPoints`); nil is the model's own mapping for an architecture model
    /// and device-only for a baseline. Throws a `PlanError` for a split that is not a valid split point.
    public func plan(split: Int?) throws -> ExecutionPlan {
        switch content {
        case .baseline(let model):
            return try model.plan(split: split ?? model.layerCount, points: points)
        case .architecture(let model):
            guard split == nil || split == 0 else {
                throw PlanError(
                    plan: name,
                    message: "an architecture model runs its own mapping: split must be 0 or absent, got \(split ?? 0)")
            }
            return try model.plan()
        }
    }
}
