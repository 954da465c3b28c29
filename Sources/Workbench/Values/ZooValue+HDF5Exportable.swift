import Search

extension ZooValue: HDF5Exportable {
    /// Writes a zoo file (`tandem_kind` = `tandem-zoo`, see Search's `ZooFile` and `ZooWeights`): the members
    /// and front with predicted figures, measured figures, each member's weights and the device-only fallback.
    public func exportHDF5(to path: String) throws {
        try zoo.save(to: path, weights: weights)
    }
}
