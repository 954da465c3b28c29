import Design
import GNN

/// A lookup table: the emulated cost of every op a design space can produce, on each side of one system,
/// at the space's points per cloud and k (SPEC.md §4). Built by `Profiler`, saved by `save(to:)`.
public struct CostTable: Sendable, Hashable {
    /// The system profiled (its factors and powers are in the table's figures).
    public var system: System
    /// The space's name.
    public var spaceName: String
    /// Points per cloud the ops ran on.
    public var points: Int
    /// The k of knn and aggregate.
    public var k: Int
    /// How it was measured.
    public var conditions: ProfileConditions
    /// The entries.
    public var entries: [CostKey: CostEntry]

    /// A table from its parts.
    public init(
        system: System, spaceName: String, points: Int, k: Int, conditions: ProfileConditions,
        entries: [CostKey: CostEntry]
    ) {
        self.system = system
        self.spaceName = spaceName
        self.points = points
        self.k = k
        self.conditions = conditions
        self.entries = entries
    }

    /// The entry of `key`, or a `ProfileError` naming the key and what to do.
    public func entry(_ key: CostKey) throws(ProfileError) -> CostEntry {
        guard let entry = entries[key] else {
            throw ProfileError(
                origin: "cost table of \(system.name) on space \(spaceName)",
                message: "has no entry for \(key); profile the space the architecture comes from")
        }
        return entry
    }

    /// Seconds of `key` on `side`.
    public func seconds(_ key: CostKey, on side: Side) throws(ProfileError) -> Double {
        let entry = try entry(key)
        return side == .device ? entry.deviceSeconds : entry.edgeSeconds
    }
}
