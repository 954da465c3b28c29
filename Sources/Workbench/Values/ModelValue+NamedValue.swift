import Design
import GNN

extension ModelValue: NamedValue {
    /// "model".
    public static var kindName: String { "model" }

    /// `dgcnn, 1800068 parameters, 10 classes, trained 2 epochs` (the last part only when trained here: model
    /// files keep weights, not the training record).
    public var summary: String {
        let trained = history.isEmpty ? "" : ", trained \(history.count) epoch\(history.count == 1 ? "" : "s")"
        return "\(kind), \(store.parameterCount) parameters, \(classes) classes\(trained)"
    }

    /// The configuration, the tensors' count, the training record and, for an architecture, its mapping.
    public var details: String {
        var lines = ["  kind        \(kind)", "  parameters  \(store.parameterCount)", "  classes     \(classes)"]
        if !classNames.isEmpty { lines.append("  names       " + classNames.joined(separator: ", ")) }
        if points > 0 { lines.append("  points      \(points) per cloud") }
        if !history.isEmpty { lines.append("  trained     " + NumberFormat.count(history.count, "epoch")) }
        if let recipe { lines.append("  last run    \(recipe.description)") }
        switch network {
        case .baseline(.dgcnn(let model)):
            let c = model.configuration
            lines.append("  k           \(c.k)")
            lines.append("  edge convs  " + c.edgeWidths.map(String.init).joined(separator: "-"))
            lines.append("  embedding   \(c.embedding)")
            lines.append("  head        " + (c.hidden + [c.classes]).map(String.init).joined(separator: "-"))
        case .baseline(.pointNet(let model)):
            let c = model.configuration
            lines.append("  mlp         " + c.widths.map(String.init).joined(separator: "-"))
            lines.append("  head        " + (c.hidden + [c.classes]).map(String.init).joined(separator: "-"))
        case .architecture(let model):
            lines.append("  space       \(model.space.name)")
            lines.append("  arch        \(model.architecture.text)")
            lines.append("  encoding    \(model.architecture.datasetForm)")
        }
        for report in history {
            lines.append(
                "  epoch \(report.epoch)".padding(toLength: 12, withPad: " ", startingAt: 0) + "loss "
                    + NumberFormat.fixed(report.loss, 3) + "  train "
                    + NumberFormat.fixed(report.trainAccuracy * 100, 1)
                    + "%")
        }
        return lines.joined(separator: "\n")
    }

    /// Same kind, architecture and tensors (training times are not compared).
    public func isSame(as other: any NamedValue) -> Bool {
        guard let other = other as? ModelValue, kind == other.kind, store == other.store,
            classNames == other.classNames, points == other.points, recipe == other.recipe,
            history.map(\.loss) == other.history.map(\.loss)
        else { return false }
        if case .architecture(let a) = network, case .architecture(let b) = other.network {
            return a.architecture == b.architecture && a.space == b.space
        }
        return true
    }
}
