import CHDF5
import Foundation

/// Reading and writing HDF5 strings (variable-length UTF-8 as h5py writes them, and fixed-length).
enum HDF5Strings {
    /// A new variable-length UTF-8 string type; the caller closes it.
    static func variableType() -> hid_t {
        let type = H5Tcopy(tandem_H5T_C_S1())
        H5Tset_size(type, tandem_H5T_VARIABLE())
        H5Tset_cset(type, H5T_CSET_UTF8)
        return type
    }

    /// Calls `body` with a buffer of NUL-terminated copies of `strings` (freed afterwards).
    static func withCStrings<R>(_ strings: [String], _ body: (UnsafeRawPointer?) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        defer { pointers.forEach { free($0) } }
        return pointers.withUnsafeMutableBufferPointer { buffer in body(UnsafeRawPointer(buffer.baseAddress)) }
    }

    /// Reads `count` strings stored with `fileType`; `read(memoryType, buffer)` performs the H5Dread/H5Aread.
    static func read(
        fileType: hid_t, count: Int, object: String, file: HDF5File, path: String,
        _ read: (hid_t, UnsafeMutableRawPointer?) -> herr_t
    ) throws -> [String] {
        guard H5Tget_class(fileType) == H5T_STRING else {
            throw file.failure(
                .wrongType, path, "\(object) holds \(HDF5DataType(typeID: fileType)), expected strings")
        }
        if count == 0 { return [] }
        if H5Tis_variable_str(fileType) > 0 {
            let memoryType = H5Tcopy(tandem_H5T_C_S1())
            defer { H5Tclose(memoryType) }
            H5Tset_size(memoryType, tandem_H5T_VARIABLE())
            H5Tset_cset(memoryType, H5Tget_cset(fileType))
            var pointers = [UnsafeMutablePointer<CChar>?](repeating: nil, count: count)
            let status = pointers.withUnsafeMutableBufferPointer { buffer in
                read(memoryType, UnsafeMutableRawPointer(buffer.baseAddress))
            }
            defer { pointers.forEach { if let pointer = $0 { H5free_memory(pointer) } } }
            guard status >= 0 else { throw file.libraryFailure(path, "reading strings of", reason: .damaged) }
            return pointers.map { $0.map { String(cString: $0) } ?? "" }
        }
        let size = H5Tget_size(fileType)
        guard size > 0 else { return [String](repeating: "", count: count) }
        let memoryType = H5Tcopy(fileType)
        defer { H5Tclose(memoryType) }
        var bytes = [UInt8](repeating: 0, count: size * count)
        let status = bytes.withUnsafeMutableBytes { buffer in
            read(memoryType, buffer.baseAddress)
        }
        guard status >= 0 else { throw file.libraryFailure(path, "reading strings of", reason: .damaged) }
        let spacePadded = H5Tget_strpad(fileType) == H5T_STR_SPACEPAD
        return (0..<count).map { index in
            var item = bytes[(index * size)..<((index + 1) * size)]
            if let end = item.firstIndex(of: 0) { item = item[..<end] }
            var text = String(decoding: item, as: UTF8.self)
            if spacePadded { while text.hasSuffix(" ") { text.removeLast() } }
            return text
        }
    }
}
