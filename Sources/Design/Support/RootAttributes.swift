import HDF5

/// Typed reading of a Design file's root attributes, each failure a `DesignError.file` naming the file and
/// the attribute (shared by the space and supernet-options readers).
struct RootAttributes {
    /// The open file.
    let file: HDF5File
    /// The file's path, for messages.
    let path: String

    /// The attribute's value; throws when it is missing.
    func value(_ name: String) throws -> HDF5AttributeValue {
        guard let found = try file.attributeIfPresent(name) else { throw problem(name, "is missing") }
        return found
    }

    /// An integer attribute.
    func int(_ name: String) throws -> Int64 {
        guard let v = try value(name).intValue else { throw problem(name, "is not an integer") }
        return v
    }

    /// A list of integers (a single integer counts as a list of one).
    func ints(_ name: String) throws -> [Int] {
        let found = try value(name)
        if let list = found.intsValue { return list.map { Int($0) } }
        if let one = found.intValue { return [Int(one)] }
        throw problem(name, "is not a list of integers")
    }

    /// A number attribute, as Float.
    func real(_ name: String) throws -> Float {
        guard let v = try value(name).doubleValue else { throw problem(name, "is not a number") }
        return Float(v)
    }

    /// The error for attribute `name`, whose `detail` completes "root attribute 'NAME' …".
    func problem(_ name: String, _ detail: String) -> DesignError {
        DesignError.file(path: path, detail: "root attribute '\(name)' \(detail)")
    }
}
