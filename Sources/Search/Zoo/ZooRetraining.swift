import HDF5

/// How a zoo member was retrained after the search (its weights replaced), and the accuracy it reached.
/// The member's inherited-weight score stays in `ZooMember.score`.
public struct ZooRetraining: Sendable, Equatable {
    /// Where retraining starts.
    public enum Mode: String, Sendable, CaseIterable {
        /// Fresh weights (the architecture's own initialisation, seeded).
        case scratch
        /// The inherited (supernet-extracted) weights.
        case finetune
    }

    /// Where it started.
    public var mode: Mode
    /// Epochs trained.
    public var epochs: Int
    /// The seed of initialisation (scratch), shuffling, augmentation and dropout.
    public var seed: UInt64
    /// Clouds per step.
    public var batch: Int
    /// The initial learning rate (cosine schedule to 1/100 of it).
    public var learningRate: Double
    /// Overall accuracy after retraining, a fraction, on the evaluation split.
    public var accuracy: Double
    /// Mean class accuracy after retraining, a fraction.
    public var meanClassAccuracy: Double
    /// Mean cross-entropy after retraining on the evaluation split.
    public var loss: Double

    /// A record from its parts.
    public init(
        mode: Mode, epochs: Int, seed: UInt64, batch: Int, learningRate: Double, accuracy: Double,
        meanClassAccuracy: Double, loss: Double
    ) {
        self.mode = mode
        self.epochs = epochs
        self.seed = seed
        self.batch = batch
        self.learningRate = learningRate
        self.accuracy = accuracy
        self.meanClassAccuracy = meanClassAccuracy
        self.loss = loss
    }

    /// `scratch, 3 epochs, batch 8, lr 0.001, seed 1`.
    public var recipe: String {
        "\(mode.rawValue), \(epochs) epoch\(epochs == 1 ? "" : "s"), batch \(batch), lr \(learningRate), seed \(seed)"
    }

    /// Writes the `retrained_*` attributes on `group` (see `ZooFile`).
    func write(to file: HDF5File, at group: String) throws {
        let attributes: [(String, HDF5AttributeValue)] = [
            ("retrained_mode", .string(mode.rawValue)), ("retrained_epochs", .int(Int64(epochs))),
            ("retrained_seed", .int(Int64(bitPattern: seed))), ("retrained_batch", .int(Int64(batch))),
            ("retrained_lr", .double(learningRate)), ("retrained_accuracy", .double(accuracy)),
            ("retrained_mean_class_accuracy", .double(meanClassAccuracy)), ("retrained_loss", .double(loss)),
        ]
        for (name, value) in attributes { try file.setAttribute(name, to: value, at: group) }
    }

    /// The record on `group`, nil when the member was not retrained; throws `SearchError.file` naming a
    /// missing or wrong attribute.
    static func read(from file: HDF5File, at group: String, path: String) throws -> ZooRetraining? {
        guard let modeText = try file.attributeIfPresent("retrained_mode", at: group)?.stringValue else { return nil }
        guard let mode = Mode(rawValue: modeText) else {
            throw SearchError.file(
                path: path, detail: "'\(group)': retrained_mode '\(modeText)' is not scratch or finetune")
        }
        func int(_ name: String) throws -> Int64 {
            guard let value = try file.attributeIfPresent(name, at: group)?.intValue else {
                throw SearchError.file(path: path, detail: "attribute '\(name)' of '\(group)' is missing")
            }
            return value
        }
        func number(_ name: String) throws -> Double {
            guard let value = try file.attributeIfPresent(name, at: group)?.doubleValue else {
                throw SearchError.file(path: path, detail: "attribute '\(name)' of '\(group)' is missing")
            }
            return value
        }
        return ZooRetraining(
            mode: mode, epochs: Int(try int("retrained_epochs")), seed: UInt64(bitPattern: try int("retrained_seed")),
            batch: Int(try int("retrained_batch")), learningRate: try number("retrained_lr"),
            accuracy: try number("retrained_accuracy"),
            meanClassAccuracy: try number("retrained_mean_class_accuracy"), loss: try number("retrained_loss"))
    }
}
