import CHDF5

extension HDF5File {
    /// Sets attribute `name` on the object at `path` (default: the root group), replacing an existing one.
    public func setAttribute(_ name: String, to value: HDF5AttributeValue, at path: String = "/") throws {
        try HDF5Library.locked {
            let objectPath = HDF5Path.normalize(path)
            let fileID = try writableID(for: objectPath)
            guard try kind(at: objectPath) != nil else {
                throw failure(.noSuchObject, objectPath, "cannot set attribute '\(name)': no object '\(objectPath)'")
            }
            if H5Aexists_by_name(fileID, objectPath, name, tandem_H5P_DEFAULT()) > 0 {
                H5Adelete_by_name(fileID, objectPath, name, tandem_H5P_DEFAULT())
            }
            let described = "attribute '\(name)' of '\(objectPath)'"
            switch value {
            case .string(let text): try writeStringAttribute(fileID, objectPath, name, [text], shape: [], described)
            case .strings(let texts):
                try writeStringAttribute(fileID, objectPath, name, texts, shape: [texts.count], described)
            case .int(let number): try writeNumberAttribute(fileID, objectPath, name, [number], shape: [], described)
            case .ints(let numbers):
                try writeNumberAttribute(fileID, objectPath, name, numbers, shape: [numbers.count], described)
            case .double(let number):
                try writeNumberAttribute(fileID, objectPath, name, [number], shape: [], described)
            case .doubles(let numbers):
                try writeNumberAttribute(fileID, objectPath, name, numbers, shape: [numbers.count], described)
            }
        }
    }

    /// The attribute `name` of the object at `path`; a `noSuchObject` error if it is missing.
    public func attribute(_ name: String, at path: String = "/") throws -> HDF5AttributeValue {
        try HDF5Library.locked {
            let objectPath = HDF5Path.normalize(path)
            guard let value = try attributeIfPresent(name, at: objectPath) else {
                throw failure(.noSuchObject, objectPath, "'\(objectPath)' has no attribute '\(name)'")
            }
            return value
        }
    }

    /// The attribute `name` of the object at `path`, or nil when the object has no such attribute.
    public func attributeIfPresent(_ name: String, at path: String = "/") throws -> HDF5AttributeValue? {
        try HDF5Library.locked {
            let objectPath = HDF5Path.normalize(path)
            let fileID = try openID()
            guard try kind(at: objectPath) != nil else {
                throw failure(.noSuchObject, objectPath, "no object '\(objectPath)'")
            }
            guard H5Aexists_by_name(fileID, objectPath, name, tandem_H5P_DEFAULT()) > 0 else { return nil }
            let attribute = H5Aopen_by_name(fileID, objectPath, name, tandem_H5P_DEFAULT(), tandem_H5P_DEFAULT())
            let described = "attribute '\(name)' of '\(objectPath)'"
            guard attribute >= 0 else { throw libraryFailure(objectPath, "opening \(described) on", reason: .damaged) }
            defer { H5Aclose(attribute) }
            return try readAttribute(attribute, objectPath, described)
        }
    }

    /// Every attribute of the object at `path`, by name.
    public func attributes(at path: String = "/") throws -> [String: HDF5AttributeValue] {
        try HDF5Library.locked {
            var result: [String: HDF5AttributeValue] = [:]
            for name in try attributeNames(at: path) { result[name] = try attribute(name, at: path) }
            return result
        }
    }

    /// The names of the attributes of the object at `path`, in name order.
    public func attributeNames(at path: String = "/") throws -> [String] {
        try HDF5Library.locked {
            let objectPath = HDF5Path.normalize(path)
            let fileID = try openID()
            guard try kind(at: objectPath) != nil else {
                throw failure(.noSuchObject, objectPath, "no object '\(objectPath)'")
            }
            var names: [String] = []
            var index: hsize_t = 0
            while true {
                let length = H5Aget_name_by_idx(
                    fileID, objectPath, H5_INDEX_NAME, H5_ITER_INC, index, nil, 0, tandem_H5P_DEFAULT())
                if length < 0 { break }
                var buffer = [CChar](repeating: 0, count: length + 1)
                H5Aget_name_by_idx(
                    fileID, objectPath, H5_INDEX_NAME, H5_ITER_INC, index, &buffer, buffer.count, tandem_H5P_DEFAULT())
                names.append(String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self))
                index += 1
            }
            return names
        }
    }

    // MARK: - Internals

    private func readAttribute(_ attribute: hid_t, _ path: String, _ described: String) throws -> HDF5AttributeValue {
        let type = H5Aget_type(attribute)
        defer { H5Tclose(type) }
        let space = H5Aget_space(attribute)
        defer { H5Sclose(space) }
        let shape = try extent(of: space, path)
        let count = shape.reduce(1, *)
        let dataType = HDF5DataType(typeID: type)
        if dataType == .string {
            let texts = try HDF5Strings.read(fileType: type, count: count, object: described, file: self, path: path) {
                memoryType, buffer in H5Aread(attribute, memoryType, buffer)
            }
            return shape.isEmpty ? .string(texts.first ?? "") : .strings(texts)
        }
        if dataType.isInteger && dataType != .uint64 {
            let numbers: [Int64] = try readNumbers(attribute, count, tandem_H5T_NATIVE_INT64(), path, described)
            return shape.isEmpty ? .int(numbers.first ?? 0) : .ints(numbers)
        }
        if dataType.isNumeric {
            let numbers: [Double] = try readNumbers(attribute, count, tandem_H5T_NATIVE_DOUBLE(), path, described)
            return shape.isEmpty ? .double(numbers.first ?? 0) : .doubles(numbers)
        }
        throw failure(.wrongType, path, "\(described) has an unsupported type (\(dataType))")
    }

    private func readNumbers<T: HDF5Element>(
        _ attribute: hid_t, _ count: Int, _ memoryType: hid_t, _ path: String, _ described: String
    ) throws -> [T] {
        var numbers = [T](repeating: 0, count: count)
        if count == 0 { return numbers }
        let status = numbers.withUnsafeMutableBufferPointer { H5Aread(attribute, memoryType, $0.baseAddress) }
        guard status >= 0 else { throw libraryFailure(path, "reading \(described) on", reason: .damaged) }
        return numbers
    }

    private func writeNumberAttribute<T: HDF5Element>(
        _ fileID: hid_t, _ path: String, _ name: String, _ values: [T], shape: [Int], _ described: String
    ) throws {
        guard let fileType = T.hdf5Type.fileType, let memoryType = T.hdf5Type.nativeType else { return }
        let space = makeSpace(shape)
        defer { H5Sclose(space) }
        let attribute = H5Acreate_by_name(
            fileID, path, name, fileType, space, tandem_H5P_DEFAULT(), tandem_H5P_DEFAULT(), tandem_H5P_DEFAULT())
        guard attribute >= 0 else { throw libraryFailure(path, "creating \(described) on", reason: .cannotWrite) }
        defer { H5Aclose(attribute) }
        if values.isEmpty { return }
        let status = values.withUnsafeBufferPointer { H5Awrite(attribute, memoryType, $0.baseAddress) }
        guard status >= 0 else { throw libraryFailure(path, "writing \(described) on", reason: .cannotWrite) }
    }

    private func writeStringAttribute(
        _ fileID: hid_t, _ path: String, _ name: String, _ values: [String], shape: [Int], _ described: String
    ) throws {
        let type = HDF5Strings.variableType()
        defer { H5Tclose(type) }
        let space = makeSpace(shape)
        defer { H5Sclose(space) }
        let attribute = H5Acreate_by_name(
            fileID, path, name, type, space, tandem_H5P_DEFAULT(), tandem_H5P_DEFAULT(), tandem_H5P_DEFAULT())
        guard attribute >= 0 else { throw libraryFailure(path, "creating \(described) on", reason: .cannotWrite) }
        defer { H5Aclose(attribute) }
        if values.isEmpty { return }
        let status = HDF5Strings.withCStrings(values) { H5Awrite(attribute, type, $0) }
        guard status >= 0 else { throw libraryFailure(path, "writing \(described) on", reason: .cannotWrite) }
    }
}
