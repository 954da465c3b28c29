/// A named value that `export NAME to PATH` can write as an HDF5 file. Conform a kind in its own file under
/// `Sources/Workbench/Values/` to make it exportable.
public protocol HDF5Exportable {
    /// Writes the value as a new HDF5 file at `path` (atomically).
    func exportHDF5(to path: String) throws
}
