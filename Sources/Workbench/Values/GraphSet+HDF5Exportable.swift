import HDF5

extension GraphSet: HDF5Exportable {
    /// Writes the graph layout at the root of `path`.
    public func exportHDF5(to path: String) throws { try write(to: path) }
}
