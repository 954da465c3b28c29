import HDF5

extension PointCloudSet: HDF5Exportable {
    /// Writes the point-cloud layout at the root of `path`.
    public func exportHDF5(to path: String) throws { try write(to: path) }
}
