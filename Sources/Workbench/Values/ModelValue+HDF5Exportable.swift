import Design
import GNN

extension ModelValue: HDF5Exportable {
    /// Writes a Tandem model file (`format` = `tandem-model`), readable by h5py and by `load`.
    public func exportHDF5(to path: String) throws {
        switch network {
        case .baseline(let model): try ModelFile.save(model, to: path, classNames: classNames)
        case .architecture(let model): try model.save(to: path, classNames: classNames)
        }
    }
}
