import Design

extension SupernetValue: HDF5Exportable {
    /// Writes a supernet file (`format` = `tandem-supernet`): weights, optimiser state, random stream and
    /// history, so `load` + `supernet train` continues exactly.
    public func exportHDF5(to path: String) throws { try supernet.save(to: path) }
}
