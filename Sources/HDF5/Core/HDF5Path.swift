/// Helpers for HDF5 object paths: `a/b/c`, `/a/b/c` and `a//b/` all name `/a/b/c`-style absolute paths.
public enum HDF5Path {
    /// The absolute form of `path` (leading `/`, no empty components, no trailing `/`); `""` becomes `/`.
    public static func normalize(_ path: String) -> String {
        "/" + components(path).joined(separator: "/")
    }

    /// The non-empty components of `path`.
    public static func components(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    /// `child` appended to `parent`, normalised.
    public static func join(_ parent: String, _ child: String) -> String {
        normalize(parent + "/" + child)
    }

    /// The path of `path` relative to `base` (both normalised), or nil when `path` is not inside `base`.
    public static func relative(_ path: String, to base: String) -> String? {
        let pathParts = components(path)
        let baseParts = components(base)
        guard pathParts.count > baseParts.count, Array(pathParts.prefix(baseParts.count)) == baseParts else {
            return nil
        }
        return pathParts.dropFirst(baseParts.count).joined(separator: "/")
    }
}
