/// Which of Tandem's layouts a group of an HDF5 file holds (what `load` and `ls` report).
public enum HDF5Layout: Sendable, Equatable, CustomStringConvertible {
    /// ModelNet-style point clouds: `data` [N, P, 3] and `label` [N, 1] or [N].
    case pointClouds
    /// Tandem's generic graphs: `x`, `edge_index`, `graph_ptr`, `y`.
    case graphs
    /// A saved model or checkpoint (attribute `tandem_kind` = `model`, or `format` = `tandem-model` as GNN writes).
    case model
    /// Another Tandem file kind named by the `tandem_kind` attribute (e.g. `zoo`, `cost_table`).
    case tagged(String)
    /// None of the above.
    case other

    /// The attribute a Tandem writer sets on a layout's group to name what it holds.
    public static let kindAttribute = "tandem_kind"
    /// The other attribute that names a Tandem file kind: `format` = `tandem-<kind>` (e.g. `tandem-model`).
    public static let formatAttribute = "format"

    /// `point clouds`, `graphs`, `model`, the tag, or `other`.
    public var description: String {
        switch self {
        case .pointClouds: return "point clouds"
        case .graphs: return "graphs"
        case .model: return "model"
        case .tagged(let kind): return kind
        case .other: return "other"
        }
    }

    /// The layout of the group at `group`: named by its `tandem_kind` attribute, or by a `format` attribute
    /// `tandem-<kind>`; else recognised by the datasets it holds.
    public static func detect(in file: HDF5File, group: String = "/") throws -> HDF5Layout {
        var tag: String?
        if case .string(let kind)? = try file.attributeIfPresent(kindAttribute, at: group) {
            tag = kind
        } else if case .string(let format)? = try file.attributeIfPresent(formatAttribute, at: group),
            format.hasPrefix("tandem-")
        {
            tag = String(format.dropFirst("tandem-".count))
        }
        if let kind = tag {
            switch kind {
            case "model": return .model
            case "point_clouds": return .pointClouds
            case "graphs": return .graphs
            default: return .tagged(kind)
            }
        }
        let names = Set(try file.children(of: group).filter { $0.kind == .dataset }.map(\.name))
        if names.isSuperset(of: ["data", "label"]) { return .pointClouds }
        if names.isSuperset(of: ["x", "edge_index", "graph_ptr", "y"]) { return .graphs }
        return .other
    }

    /// Every group of the file (root first, then depth first) that holds a layout other than `other`.
    public static func scan(_ file: HDF5File) throws -> [HDF5LayoutMatch] {
        var matches: [HDF5LayoutMatch] = []
        let groups = ["/"] + (try file.list().filter { $0.kind == .group }.map(\.path))
        for group in groups {
            let layout = try detect(in: file, group: group)
            if layout != .other { matches.append(HDF5LayoutMatch(group: group, layout: layout)) }
        }
        return matches
    }
}

/// A group of a file and the layout it holds.
public struct HDF5LayoutMatch: Sendable, Equatable {
    /// The group's absolute path.
    public var group: String
    /// What it holds.
    public var layout: HDF5Layout

    /// Creates a match.
    public init(group: String, layout: HDF5Layout) {
        self.group = group
        self.layout = layout
    }
}
