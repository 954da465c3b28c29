import CHDF5

extension HDF5File {
    /// The shape and element type of the dataset at `path`, without reading its data.
    public func info(at path: String) throws -> HDF5DatasetInfo {
        try HDF5Library.locked {
            let objectPath = HDF5Path.normalize(path)
            return try withDataset(objectPath) { dataset in try datasetInfo(dataset, objectPath) }
        }
    }

    /// Writes `values` with `shape` as the dataset at `path`, creating parent groups and replacing an existing
    /// dataset. `values.count` must equal the product of `shape` (`[]` is a scalar).
    public func write<T: HDF5Element>(
        _ values: [T], shape: [Int], at path: String, options: HDF5WriteOptions = .plain
    ) throws {
        try HDF5Library.locked {
            let objectPath = HDF5Path.normalize(path)
            guard shape.allSatisfy({ $0 >= 0 }), shape.reduce(1, *) == values.count else {
                throw failure(
                    .invalidRequest, objectPath,
                    "cannot write dataset '\(objectPath)': shape \(shape) needs \(shape.reduce(1, *)) values, "
                        + "got \(values.count)")
            }
            guard let fileType = T.hdf5Type.fileType, let memoryType = T.hdf5Type.nativeType else {
                throw failure(.invalidRequest, objectPath, "cannot write \(T.hdf5Type) datasets")
            }
            let dataset = try createDataset(objectPath, type: fileType, shape: shape, options: options)
            defer { H5Dclose(dataset) }
            if values.isEmpty { return }
            let status = values.withUnsafeBufferPointer { buffer in
                H5Dwrite(
                    dataset, memoryType, tandem_H5S_ALL(), tandem_H5S_ALL(), tandem_H5P_DEFAULT(), buffer.baseAddress)
            }
            guard status >= 0 else { throw libraryFailure(objectPath, "writing dataset", reason: .cannotWrite) }
        }
    }

    /// Writes an `HDF5Array` as the dataset at `path` (see `write(_:shape:at:options:)`).
    public func write<T: HDF5Element>(_ array: HDF5Array<T>, at path: String, options: HDF5WriteOptions = .plain)
        throws
    {
        try write(array.values, shape: array.shape, at: path, options: options)
    }

    /// Reads the dataset at `path` as `T`. The stored type must convert to `T` without loss (e.g. uint8 or int16
    /// read as Int32, float32 read as Double); otherwise a `wrongType` error says which type to use.
    public func read<T: HDF5Element>(_ type: T.Type, at path: String) throws -> HDF5Array<T> {
        try readNumeric(type, at: path, lossy: false)
    }

    /// Reads the dataset at `path` converting any numeric type to `T` (values out of range are clipped by HDF5,
    /// float64 is rounded to float32); for callers that accept loss, like tensors.
    public func readConverting<T: HDF5Element>(_ type: T.Type, at path: String) throws -> HDF5Array<T> {
        try readNumeric(type, at: path, lossy: true)
    }

    /// Reads an integer dataset of any integer type as Int64 (uint64 values above Int64.max are an error).
    public func readIntegers(at path: String) throws -> HDF5Array<Int64> {
        try HDF5Library.locked {
            let objectPath = HDF5Path.normalize(path)
            let stored = try info(at: objectPath).dataType
            guard stored.isInteger else {
                throw failure(
                    .wrongType, objectPath, "dataset '\(objectPath)' holds \(stored), expected an integer type")
            }
            if stored != .uint64 { return try readNumeric(Int64.self, at: objectPath, lossy: false) }
            let raw = try readNumeric(UInt64.self, at: objectPath, lossy: false)
            guard let tooLarge = raw.values.firstIndex(where: { $0 > UInt64(Int64.max) }) else {
                return HDF5Array(shape: raw.shape, values: raw.values.map { Int64($0) })
            }
            throw failure(
                .invalidContent, objectPath,
                "dataset '\(objectPath)' element \(tooLarge) is \(raw.values[tooLarge]), larger than Int64.max")
        }
    }

    /// Reads a string dataset (fixed or variable length, any rank) in row-major order.
    public func readStrings(at path: String) throws -> [String] {
        try HDF5Library.locked {
            let objectPath = HDF5Path.normalize(path)
            return try withDataset(objectPath) { dataset in
                let space = H5Dget_space(dataset)
                defer { H5Sclose(space) }
                let fileType = H5Dget_type(dataset)
                defer { H5Tclose(fileType) }
                let count = Int(H5Sget_simple_extent_npoints(space))
                return try HDF5Strings.read(
                    fileType: fileType, count: count, object: "dataset '\(objectPath)'", file: self, path: objectPath
                ) { memoryType, buffer in
                    H5Dread(dataset, memoryType, tandem_H5S_ALL(), tandem_H5S_ALL(), tandem_H5P_DEFAULT(), buffer)
                }
            }
        }
    }

    /// Writes `strings` as a 1-D variable-length UTF-8 string dataset at `path` (what h5py writes for `str`).
    public func write(strings: [String], at path: String) throws {
        try HDF5Library.locked {
            let objectPath = HDF5Path.normalize(path)
            let type = HDF5Strings.variableType()
            defer { H5Tclose(type) }
            let dataset = try createDataset(objectPath, type: type, shape: [strings.count], options: .plain)
            defer { H5Dclose(dataset) }
            if strings.isEmpty { return }
            let status = HDF5Strings.withCStrings(strings) { pointers in
                H5Dwrite(dataset, type, tandem_H5S_ALL(), tandem_H5S_ALL(), tandem_H5P_DEFAULT(), pointers)
            }
            guard status >= 0 else { throw libraryFailure(objectPath, "writing dataset", reason: .cannotWrite) }
        }
    }

    /// Deletes the link at `path` (the space is not reclaimed); throws if nothing is there.
    public func remove(_ path: String) throws {
        try HDF5Library.locked {
            let objectPath = HDF5Path.normalize(path)
            let fileID = try writableID(for: objectPath)
            guard try kind(at: objectPath) != nil else {
                throw failure(.noSuchObject, objectPath, "cannot remove '\(objectPath)': no such object")
            }
            guard H5Ldelete(fileID, objectPath, tandem_H5P_DEFAULT()) >= 0 else {
                throw libraryFailure(objectPath, "removing", reason: .cannotWrite)
            }
        }
    }

    // MARK: - Internals

    private func readNumeric<T: HDF5Element>(_ type: T.Type, at path: String, lossy: Bool) throws -> HDF5Array<T> {
        try HDF5Library.locked {
            let objectPath = HDF5Path.normalize(path)
            return try withDataset(objectPath) { dataset in
                let info = try datasetInfo(dataset, objectPath)
                let target = T.hdf5Type
                let allowed =
                    lossy ? info.dataType.isNumeric : info.dataType.convertsLosslessly(to: target)
                guard allowed, let memoryType = target.nativeType else {
                    throw failure(
                        .wrongType, objectPath,
                        "dataset '\(objectPath)' holds \(info.dataType), which cannot be read as \(target)"
                            + (info.dataType.isNumeric ? " without loss" : ""))
                }
                let count = info.count
                if count == 0 { return HDF5Array(shape: info.shape, values: []) }
                var status: herr_t = 0
                let values = [T](unsafeUninitializedCapacity: count) { buffer, initialised in
                    status = H5Dread(
                        dataset, memoryType, tandem_H5S_ALL(), tandem_H5S_ALL(), tandem_H5P_DEFAULT(),
                        buffer.baseAddress)
                    if status < 0 {
                        for index in 0..<count { buffer.initializeElement(at: index, to: 0) }
                    }
                    initialised = count
                }
                guard status >= 0 else {
                    throw libraryFailure(objectPath, "reading dataset", reason: .damaged)
                }
                return HDF5Array(shape: info.shape, values: values)
            }
        }
    }

    /// Opens the dataset at the normalised `path`, runs `body`, closes it.
    func withDataset<R>(_ path: String, _ body: (hid_t) throws -> R) throws -> R {
        let fileID = try openID()
        try requireKind(.dataset, at: path)
        let dataset = H5Dopen2(fileID, path, tandem_H5P_DEFAULT())
        guard dataset >= 0 else { throw libraryFailure(path, "opening dataset", reason: .damaged) }
        defer { H5Dclose(dataset) }
        return try body(dataset)
    }

    /// Shape and type of an open dataset.
    func datasetInfo(_ dataset: hid_t, _ path: String) throws -> HDF5DatasetInfo {
        let type = H5Dget_type(dataset)
        defer { H5Tclose(type) }
        let space = H5Dget_space(dataset)
        defer { H5Sclose(space) }
        guard type >= 0, space >= 0 else { throw libraryFailure(path, "inspecting dataset", reason: .damaged) }
        return HDF5DatasetInfo(shape: try extent(of: space, path), dataType: HDF5DataType(typeID: type))
    }

    /// The dimensions of a dataspace.
    func extent(of space: hid_t, _ path: String) throws -> [Int] {
        let rank = H5Sget_simple_extent_ndims(space)
        guard rank >= 0 else { throw libraryFailure(path, "inspecting", reason: .damaged) }
        var dims = [hsize_t](repeating: 0, count: Int(rank))
        if rank > 0 { H5Sget_simple_extent_dims(space, &dims, nil) }
        return dims.map { Int($0) }
    }

    /// Creates a dataspace for `shape` (scalar for `[]`); the caller closes it.
    func makeSpace(_ shape: [Int]) -> hid_t {
        if shape.isEmpty { return H5Screate(H5S_SCALAR) }
        let dims = shape.map { hsize_t($0) }
        return H5Screate_simple(Int32(dims.count), dims, nil)
    }

    /// Creates (replacing an existing dataset) the dataset at the normalised `path` without time stamps;
    /// the caller closes the returned id.
    private func createDataset(_ path: String, type: hid_t, shape: [Int], options: HDF5WriteOptions) throws -> hid_t {
        let fileID = try writableID(for: path)
        if HDF5Path.components(path).isEmpty {
            throw failure(.invalidRequest, path, "cannot write a dataset at the root '/'")
        }
        switch try kind(at: path) {
        case .dataset?:
            guard H5Ldelete(fileID, path, tandem_H5P_DEFAULT()) >= 0 else {
                throw libraryFailure(path, "replacing dataset", reason: .cannotWrite)
            }
        case .group?, .other?:
            throw failure(.wrongKind, path, "cannot write dataset '\(path)': a group of that name exists")
        case nil: try createParents(of: path)
        }
        let space = makeSpace(shape)
        defer { H5Sclose(space) }
        let dcpl = H5Pcreate(tandem_H5P_DATASET_CREATE())
        defer { H5Pclose(dcpl) }
        H5Pset_obj_track_times(dcpl, false)
        if let level = options.gzipLevel, !shape.isEmpty, !shape.contains(0) {
            guard (1...9).contains(level) else {
                throw failure(.invalidRequest, path, "gzip level \(level) is outside 1...9")
            }
            let chunk = try chunkShape(for: shape, elementSize: H5Tget_size(type), options: options, path: path)
            H5Pset_chunk(dcpl, Int32(chunk.count), chunk.map { hsize_t($0) })
            H5Pset_shuffle(dcpl)
            H5Pset_deflate(dcpl, UInt32(level))
        }
        let dataset = H5Dcreate2(fileID, path, type, space, tandem_H5P_DEFAULT(), dcpl, tandem_H5P_DEFAULT())
        guard dataset >= 0 else { throw libraryFailure(path, "creating dataset", reason: .cannotWrite) }
        return dataset
    }

    /// The requested chunk shape, checked, or one that splits the outer dimensions to about `chunkBytes`.
    private func chunkShape(for shape: [Int], elementSize: Int, options: HDF5WriteOptions, path: String) throws
        -> [Int]
    {
        if let chunk = options.chunkShape {
            guard chunk.count == shape.count, chunk.allSatisfy({ $0 > 0 }) else {
                throw failure(
                    .invalidRequest, path, "chunk shape \(chunk) does not fit dataset shape \(shape) of '\(path)'")
            }
            return zip(chunk, shape).map { min($0, $1) }
        }
        var chunk = shape
        var bytes = shape.reduce(max(elementSize, 1), *)
        var axis = 0
        while bytes > HDF5WriteOptions.chunkBytes && axis < chunk.count {
            let inner = bytes / chunk[axis]
            chunk[axis] = max(1, HDF5WriteOptions.chunkBytes / max(inner, 1))
            bytes = inner * chunk[axis]
            axis += 1
        }
        return chunk
    }
}
