import Design

extension SupernetValue: NamedValue {
    /// "supernet".
    public static var kindName: String { "supernet" }

    /// `space small, 12.3k parameters, 2 epochs trained`.
    public var summary: String {
        let epochs = supernet.epoch
        return "space \(supernet.space.name), \(supernet.store.parameterCount) parameters, "
            + "\(epochs) epoch\(epochs == 1 ? "" : "s") trained"
    }

    /// Space, options, training record and cached scores.
    public var details: String {
        let o = supernet.options
        var lines = [
            "  space        \(supernet.space.summary)",
            "  parameters   \(supernet.store.parameterCount)",
            "  schedule     \(o.training.epochs) epochs, batch \(o.training.batchSize), "
                + "\(OptimizerText.describe(o.training.optimizer)) → \(o.training.minimumLearningRate)",
            "  dropout      \(o.dropout), calibration \(o.calibrationBatches) batches, seed \(o.training.seed)",
            "  trained      \(supernet.epoch) epochs",
        ]
        for report in supernet.history {
            lines.append(
                "  epoch \(report.epoch)".padding(toLength: 15, withPad: " ", startingAt: 0) + "loss "
                    + NumberFormat.fixed(report.loss, 3) + "  train "
                    + NumberFormat.fixed(report.trainAccuracy * 100, 1)
                    + "%")
        }
        let scored = supernet.scores.sorted { $0.value.accuracy > $1.value.accuracy }
        for (architecture, score) in scored {
            lines.append("  scored       " + NumberFormat.fixed(score.accuracy * 100, 1) + "%  " + architecture.text)
        }
        return lines.joined(separator: "\n")
    }

    /// Same space, options, weights, optimiser state, random stream and epoch.
    public func isSame(as other: any NamedValue) -> Bool {
        guard let other = other as? SupernetValue else { return false }
        let a = supernet
        let b = other.supernet
        return a.space == b.space && a.options == b.options && a.store == b.store && a.optimizer == b.optimizer
            && a.generator == b.generator && a.epoch == b.epoch && classNames == other.classNames
    }
}
