import CHDF5

extension HDF5File {
    /// The kind of the object at `path`, or nil when nothing is there (no intermediate group either).
    public func kind(at path: String) throws -> HDF5ObjectKind? {
        try HDF5Library.locked {
            let fileID = try openID()
            let parts = HDF5Path.components(path)
            if parts.isEmpty { return .group }
            var prefix = ""
            for part in parts {
                prefix += "/" + part
                let exists = H5Lexists(fileID, prefix, tandem_H5P_DEFAULT())
                if exists <= 0 { return nil }
            }
            let object = H5Oopen(fileID, prefix, tandem_H5P_DEFAULT())
            guard object >= 0 else { return .other }
            defer { H5Oclose(object) }
            switch H5Iget_type(object) {
            case H5I_GROUP: return .group
            case H5I_DATASET: return .dataset
            default: return .other
            }
        }
    }

    /// Whether any object exists at `path`.
    public func exists(_ path: String) throws -> Bool {
        try kind(at: path) != nil
    }

    /// Creates the group at `path` and any missing intermediate groups; an existing group is left as is.
    public func createGroup(_ path: String) throws {
        try HDF5Library.locked {
            let target = HDF5Path.normalize(path)
            let fileID = try writableID(for: target)
            var prefix = ""
            for part in HDF5Path.components(path) {
                prefix += "/" + part
                switch try kind(at: prefix) {
                case .group: continue
                case .dataset, .other:
                    throw failure(.wrongKind, prefix, "cannot create group '\(target)': '\(prefix)' is a dataset")
                case nil:
                    let gcpl = H5Pcreate(tandem_H5P_GROUP_CREATE())
                    defer { H5Pclose(gcpl) }
                    H5Pset_obj_track_times(gcpl, false)
                    let group = H5Gcreate2(fileID, prefix, tandem_H5P_DEFAULT(), gcpl, tandem_H5P_DEFAULT())
                    guard group >= 0 else { throw libraryFailure(prefix, "creating group", reason: .cannotWrite) }
                    H5Gclose(group)
                }
            }
        }
    }

    /// The direct children of the group at `path`, sorted by name, with kinds and dataset shapes.
    public func children(of path: String = "/") throws -> [HDF5Entry] {
        try HDF5Library.locked {
            let fileID = try openID()
            let groupPath = HDF5Path.normalize(path)
            try requireKind(.group, at: groupPath)
            let group = H5Gopen2(fileID, groupPath, tandem_H5P_DEFAULT())
            guard group >= 0 else { throw libraryFailure(groupPath, "opening group", reason: .damaged) }
            defer { H5Gclose(group) }
            var info = H5G_info_t()
            guard H5Gget_info(group, &info) >= 0 else {
                throw libraryFailure(groupPath, "listing group", reason: .damaged)
            }
            var entries: [HDF5Entry] = []
            for index in 0..<info.nlinks {
                let length = H5Lget_name_by_idx(
                    group, ".", H5_INDEX_NAME, H5_ITER_INC, index, nil, 0, tandem_H5P_DEFAULT())
                guard length >= 0 else { throw libraryFailure(groupPath, "listing group", reason: .damaged) }
                var buffer = [CChar](repeating: 0, count: Int(length) + 1)
                H5Lget_name_by_idx(
                    group, ".", H5_INDEX_NAME, H5_ITER_INC, index, &buffer, buffer.count, tandem_H5P_DEFAULT())
                let name = String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
                let childPath = HDF5Path.join(groupPath, name)
                let childKind = try kind(at: childPath) ?? .other
                let info = childKind == .dataset ? try self.info(at: childPath) : nil
                entries.append(HDF5Entry(path: childPath, name: name, kind: childKind, info: info))
            }
            return entries
        }
    }

    /// Every object below the group at `path` (depth first, children sorted by name), like `h5ls -r`.
    public func list(under path: String = "/") throws -> [HDF5Entry] {
        try HDF5Library.locked {
            var result: [HDF5Entry] = []
            for child in try children(of: path) {
                result.append(child)
                if child.kind == .group { result += try list(under: child.path) }
            }
            return result
        }
    }

    /// Throws `noSuchObject` or `wrongKind` unless the object at the (normalised) `path` is of `expected` kind.
    func requireKind(_ expected: HDF5ObjectKind, at path: String) throws {
        let actual = try kind(at: path)
        guard let actual else {
            throw failure(.noSuchObject, path, "no \(expected) '\(path)'")
        }
        guard actual == expected else {
            throw failure(.wrongKind, path, "'\(path)' is a \(actual), expected a \(expected)")
        }
    }

    /// Creates the parent groups of `path` if missing.
    func createParents(of path: String) throws {
        let parts = HDF5Path.components(path)
        if parts.count > 1 { try createGroup(parts.dropLast().joined(separator: "/")) }
    }
}
