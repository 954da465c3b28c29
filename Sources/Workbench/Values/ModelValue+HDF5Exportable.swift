import Design
import GNN
import HDF5

extension ModelValue: HDF5Exportable {
    /// Writes a Tandem model file (`format` = `tandem-model`), readable by h5py and by `load`, with the
    /// training record as root attributes: `points`, `training_epochs` and per epoch `training_loss`,
    /// `training_accuracy`, `training_learning_rate`, `training_seconds`, and the last run's recipe.
    public func exportHDF5(to path: String) throws {
        switch network {
        case .baseline(let model): try ModelFile.save(model, to: path, classNames: classNames, attributes: record)
        case .architecture(let model): try model.save(to: path, classNames: classNames, attributes: record)
        }
    }

    /// The root attributes of the training record.
    var record: [String: HDF5AttributeValue] {
        var attributes = recipe?.attributes ?? [:]
        attributes["points"] = .int(Int64(points))
        attributes["training_epochs"] = .int(Int64(history.count))
        if !history.isEmpty {
            attributes["training_loss"] = .doubles(history.map(\.loss))
            attributes["training_accuracy"] = .doubles(history.map(\.trainAccuracy))
            attributes["training_learning_rate"] = .doubles(history.map { Double($0.learningRate) })
            attributes["training_seconds"] = .doubles(history.map(\.seconds))
        }
        return attributes
    }

    /// This model with the training record of the file at `path` (as `exportHDF5` writes it).
    func readingRecord(from path: String) throws -> ModelValue {
        var model = self
        try HDF5File.read(path) { file in
            if let points = try file.attributeIfPresent("points")?.intValue, points > 0 { model.points = Int(points) }
            model.recipe = try TrainingRecipe.read(from: file)
            guard let losses = try file.attributeIfPresent("training_loss")?.doublesValue else { return }
            let accuracies = try file.attributeIfPresent("training_accuracy")?.doublesValue ?? []
            let rates = try file.attributeIfPresent("training_learning_rate")?.doublesValue ?? []
            let seconds = try file.attributeIfPresent("training_seconds")?.doublesValue ?? []
            model.history = losses.indices.map { index in
                EpochReport(
                    epoch: index + 1, loss: losses[index],
                    trainAccuracy: index < accuracies.count ? accuracies[index] : 0,
                    learningRate: Float(index < rates.count ? rates[index] : 0),
                    seconds: index < seconds.count ? seconds[index] : 0)
            }
        }
        return model
    }
}
