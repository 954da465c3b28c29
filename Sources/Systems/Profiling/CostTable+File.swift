import HDF5

/// Saving and loading lookup tables as HDF5 files readable by h5py.
///
/// Layout: `/keys` int64 [n, 5] (op id, function id, input width, output width, pooled 0/1), float64 [n]
/// datasets `/device_seconds`, `/edge_seconds`, `/device_joules`, `/device_spread`, `/edge_spread`. Root
/// attributes: `format` ("tandem-cost-table"), `version` 1, `system`, `device_factor`, `edge_factor`,
/// `device_threads`, `edge_threads`, the device's four powers (`power_active`, `power_idle`, `power_send`,
/// `power_receive`, W), `bandwidth` (Mbit/s) and `delay` (s) of the link, `space`, `points`, `k`, `cpu`,
/// `repeats`, `warmup`, `gemm`, `seed` (decimal string). Written to a temporary name and renamed.
extension CostTable {
    /// The value of the root `format` attribute.
    public static let fileFormat = "tandem-cost-table"

    /// Writes the table to `path` atomically.
    public func save(to path: String) throws(ProfileError) {
        let keys = entries.keys.sorted()
        do {
            try HDF5File.write(to: path) { file in
                try file.setAttribute("format", to: .string(Self.fileFormat))
                try file.setAttribute("version", to: .int(1))
                try file.setAttribute("system", to: .string(system.name))
                try file.setAttribute("device", to: .string(system.device.name))
                try file.setAttribute("edge", to: .string(system.edge.name))
                try file.setAttribute("device_factor", to: .double(system.device.factor))
                try file.setAttribute("edge_factor", to: .double(system.edge.factor))
                try file.setAttribute("device_threads", to: .int(Int64(system.device.threads)))
                try file.setAttribute("edge_threads", to: .int(Int64(system.edge.threads)))
                try file.setAttribute("power_active", to: .double(system.device.power.active))
                try file.setAttribute("power_idle", to: .double(system.device.power.idle))
                try file.setAttribute("power_send", to: .double(system.device.power.send))
                try file.setAttribute("power_receive", to: .double(system.device.power.receive))
                try file.setAttribute("bandwidth", to: .double(system.link.megabitsPerSecond))
                try file.setAttribute("delay", to: .double(system.link.delay))
                try file.setAttribute("space", to: .string(spaceName))
                try file.setAttribute("points", to: .int(Int64(points)))
                try file.setAttribute("k", to: .int(Int64(k)))
                try file.setAttribute("cpu", to: .string(conditions.cpu))
                try file.setAttribute("repeats", to: .int(Int64(conditions.repeats)))
                try file.setAttribute("warmup", to: .int(Int64(conditions.warmup)))
                try file.setAttribute("gemm", to: .string(conditions.gemm))
                try file.setAttribute("seed", to: .string(String(conditions.seed)))
                var flat: [Int64] = []
                for key in keys {
                    flat += [key.opID, key.functionID, key.inputWidth, key.outputWidth, key.pooled ? 1 : 0].map {
                        Int64($0)
                    }
                }
                try file.write(HDF5Array(shape: [keys.count, 5], values: flat), at: "/keys")
                let columns: [(String, (CostEntry) -> Double)] = [
                    ("device_seconds", \.deviceSeconds), ("edge_seconds", \.edgeSeconds),
                    ("device_joules", \.deviceJoules), ("device_spread", \.deviceSpread),
                    ("edge_spread", \.edgeSpread),
                ]
                for (name, column) in columns {
                    let values = keys.map { key in entries[key].map(column) ?? 0 }
                    try file.write(HDF5Array(shape: [keys.count], values: values), at: "/" + name)
                }
            }
        } catch let error as ProfileError {
            throw error
        } catch {
            throw ProfileError(origin: path, message: "cannot save the cost table: \(error)")
        }
    }

    /// Reads a table written by `save(to:)`, checking the format and every dataset's shape.
    public static func load(_ path: String) throws(ProfileError) -> CostTable {
        do {
            return try HDF5File.read(path) { file throws -> CostTable in
                guard try file.attributeIfPresent("format")?.stringValue == fileFormat else {
                    throw ProfileError(
                        origin: path,
                        message: "not a Tandem cost table (root attribute 'format' is not '\(fileFormat)')")
                }
                func text(_ name: String) throws -> String {
                    guard let value = try file.attributeIfPresent(name)?.stringValue else {
                        throw ProfileError(origin: path, message: "root attribute '\(name)' is missing or not a string")
                    }
                    return value
                }
                func number(_ name: String) throws -> Double {
                    guard let value = try file.attributeIfPresent(name)?.doubleValue, value.isFinite else {
                        throw ProfileError(origin: path, message: "root attribute '\(name)' is missing or not a number")
                    }
                    return value
                }
                func int(_ name: String) throws -> Int {
                    guard let value = try file.attributeIfPresent(name)?.intValue else {
                        throw ProfileError(
                            origin: path, message: "root attribute '\(name)' is missing or not an integer")
                    }
                    return Int(value)
                }
                let power = PowerProfile(
                    active: try number("power_active"), idle: try number("power_idle"), send: try number("power_send"),
                    receive: try number("power_receive"))
                let device = ProcessorProfile(
                    name: try text("device"), factor: try number("device_factor"), threads: try int("device_threads"),
                    power: power)
                let edge = ProcessorProfile(
                    name: try text("edge"), factor: try number("edge_factor"), threads: try int("edge_threads"),
                    power: PowerProfile(active: 0, idle: 0, send: 0, receive: 0))
                let system = System(
                    name: try text("system"), device: device, edge: edge,
                    link: LinkProfile(megabitsPerSecond: try number("bandwidth"), delay: try number("delay")))
                guard let seed = UInt64(try text("seed")) else {
                    throw ProfileError(origin: path, message: "root attribute 'seed' is not an unsigned integer string")
                }
                let conditions = ProfileConditions(
                    cpu: try text("cpu"), deviceThreads: device.threads, edgeThreads: edge.threads,
                    repeats: try int("repeats"), warmup: try int("warmup"), gemm: try text("gemm"), seed: seed)
                let keys = try file.readIntegers(at: "/keys")
                guard keys.rank == 2, keys.shape[1] == 5 else {
                    throw ProfileError(
                        origin: path, message: "dataset '/keys' has shape \(keys.shape), expected [n, 5]")
                }
                let n = keys.shape[0]
                var columns: [[Double]] = []
                for name in ["device_seconds", "edge_seconds", "device_joules", "device_spread", "edge_spread"] {
                    let column = try file.readConverting(Double.self, at: "/" + name)
                    guard column.shape == [n] else {
                        throw ProfileError(
                            origin: path, message: "dataset '/\(name)' has shape \(column.shape), expected [\(n)]")
                    }
                    columns.append(column.values)
                }
                var entries: [CostKey: CostEntry] = [:]
                for row in 0..<n {
                    let v = keys.values[(row * 5)..<(row * 5 + 5)].map { Int($0) }
                    let key = CostKey(
                        opID: v[0], functionID: v[1], inputWidth: v[2], outputWidth: v[3], pooled: v[4] != 0)
                    entries[key] = CostEntry(
                        deviceSeconds: columns[0][row], edgeSeconds: columns[1][row], deviceJoules: columns[2][row],
                        deviceSpread: columns[3][row], edgeSpread: columns[4][row])
                }
                return CostTable(
                    system: system, spaceName: try text("space"), points: try int("points"), k: try int("k"),
                    conditions: conditions, entries: entries)
            }
        } catch let error as ProfileError {
            throw error
        } catch {
            throw ProfileError(origin: path, message: "cannot load the cost table: \(error)")
        }
    }
}
