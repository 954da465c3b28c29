import Tensor

extension HDF5File {
    /// Writes `tensor` as a float32 dataset at `path` with the tensor's shape (parents created, old replaced).
    public func write(_ tensor: Tensor, at path: String, options: HDF5WriteOptions = .plain) throws {
        try write(tensor.scalars, shape: tensor.shape, at: path, options: options)
    }

    /// Reads the dataset at `path` as a tensor with the dataset's shape; any numeric type is converted to
    /// Float32 (float64 is rounded).
    public func readTensor(at path: String) throws -> Tensor {
        let array = try readConverting(Float.self, at: path)
        return Tensor(shape: array.shape, scalars: array.values)
    }

    /// Writes every tensor of `tensors` under the group `group`; a name like `pos3/combine/weight` becomes
    /// nested groups. Names are written in sorted order, so equal dictionaries give byte-identical files.
    public func writeTensors(_ tensors: [String: Tensor], under group: String = "/", options: HDF5WriteOptions = .plain)
        throws
    {
        try HDF5Library.locked {
            try createGroup(group)
            for name in tensors.keys.sorted() {
                guard !HDF5Path.components(name).isEmpty, let tensor = tensors[name] else {
                    throw failure(.invalidRequest, group, "a tensor name is empty")
                }
                try write(tensor, at: HDF5Path.join(group, name), options: options)
            }
        }
    }

    /// Reads every dataset below the group `group` (recursively) as a tensor, keyed by its path relative to
    /// the group (`pos3/combine/weight`). A non-numeric dataset is a `wrongType` error naming it.
    public func readTensors(under group: String = "/") throws -> [String: Tensor] {
        try HDF5Library.locked {
            let base = HDF5Path.normalize(group)
            try requireKind(.group, at: base)
            var result: [String: Tensor] = [:]
            for entry in try list(under: base) where entry.kind == .dataset {
                guard let name = HDF5Path.relative(entry.path, to: base) else { continue }
                result[name] = try readTensor(at: entry.path)
            }
            return result
        }
    }
}
