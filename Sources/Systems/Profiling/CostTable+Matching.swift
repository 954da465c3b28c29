import Design

extension CostTable {
    /// Whether this table was profiled on `system` (same name, device and edge factors) in `space` (same name,
    /// points per cloud and k): the check before a table read from a file or a session serves that pair.
    public func isProfiled(on system: System, in space: DesignSpace) -> Bool {
        spaceName == space.name && points == space.pointsPerCloud && k == space.k && self.system.name == system.name
            && self.system.device.factor == system.device.factor && self.system.edge.factor == system.edge.factor
    }
}
