import HDF5

extension PointCloudSplits: HDF5Exportable {
    /// Writes groups `/train` and `/test` in the point-cloud layout.
    public func exportHDF5(to path: String) throws {
        try HDF5File.write(to: path) { file in
            try train.write(into: file, group: "train")
            try test.write(into: file, group: "test")
        }
    }
}
