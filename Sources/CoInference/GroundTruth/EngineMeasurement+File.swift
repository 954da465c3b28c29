import Design
import HDF5
import Systems

/// Saving and loading measurements as HDF5 files readable by h5py.
///
/// Layout (one row per record): `/index` int64 [n], `/encoding` int64 [n, 2·positions] (op ids then function
/// ids), float64 [n] `/bandwidth` (Mbit/s), `/latency` (s), `/latency_noise`, `/energy` (J), `/energy_noise`,
/// `/wall_seconds`. Root attributes: `format` ("tandem-measurement"), `version` 1, `space`, `points`, `k`,
/// `system`, `device_factor`, `edge_factor`, `delay` (s), `clock`, `repeats`, `seed` (decimal string),
/// `cpu`. The space itself is not stored: `load` is given it and checks its name, P and k. Written to a
/// temporary name and renamed.
extension EngineMeasurement {
    /// The value of the root `format` attribute.
    public static let fileFormat = "tandem-measurement"

    /// Writes the measurement to `path` atomically.
    public func save(to path: String) throws(CoInferenceError) {
        let n = records.count
        let width = 2 * space.positions
        do {
            try HDF5File.write(to: path) { file in
                try file.setAttribute("format", to: .string(Self.fileFormat))
                try file.setAttribute("version", to: .int(1))
                try file.setAttribute("space", to: .string(space.name))
                try file.setAttribute("points", to: .int(Int64(space.pointsPerCloud)))
                try file.setAttribute("k", to: .int(Int64(space.k)))
                try file.setAttribute("system", to: .string(system.name))
                try file.setAttribute("device_factor", to: .double(system.device.factor))
                try file.setAttribute("edge_factor", to: .double(system.edge.factor))
                try file.setAttribute("delay", to: .double(system.link.delay))
                try file.setAttribute("clock", to: .string(clock.rawValue))
                try file.setAttribute("repeats", to: .int(Int64(repeats)))
                try file.setAttribute("seed", to: .string(String(seed)))
                try file.setAttribute("cpu", to: .string(cpu))
                try file.write(HDF5Array(shape: [n], values: records.map { Int64($0.index) }), at: "/index")
                try file.write(
                    HDF5Array(shape: [n, width], values: records.flatMap { $0.architecture.encoding.map(Int64.init) }),
                    at: "/encoding")
                let columns: [(String, (MeasurementRecord) -> Double)] = [
                    ("bandwidth", \.megabitsPerSecond), ("latency", \.latency), ("latency_noise", \.latencyNoise),
                    ("energy", \.energy), ("energy_noise", \.energyNoise), ("wall_seconds", \.wallSeconds),
                ]
                for (name, column) in columns {
                    try file.write(HDF5Array(shape: [n], values: records.map(column)), at: "/" + name)
                }
            }
        } catch let error as CoInferenceError {
            throw error
        } catch {
            throw CoInferenceError(origin: path, message: "cannot save the measurement: \(error)")
        }
    }

    /// Reads a measurement written by `save(to:)` of architectures from `space` on `system` (the file must
    /// name the same space, P and k, and the same system name and factors).
    public static func load(_ path: String, space: DesignSpace, system: System) throws(CoInferenceError)
        -> EngineMeasurement
    {
        do {
            return try HDF5File.read(path) { file throws -> EngineMeasurement in
                func fail(_ message: String) -> CoInferenceError { CoInferenceError(origin: path, message: message) }
                guard try file.attributeIfPresent("format")?.stringValue == fileFormat else {
                    throw fail("not a Tandem measurement (root attribute 'format' is not '\(fileFormat)')")
                }
                let spaceName = try file.attributeIfPresent("space")?.stringValue ?? "?"
                let points = try file.attributeIfPresent("points")?.intValue ?? -1
                let k = try file.attributeIfPresent("k")?.intValue ?? -1
                guard spaceName == space.name, points == space.pointsPerCloud, k == space.k else {
                    throw fail(
                        "measured on space '\(spaceName)' (P \(points), k \(k)), not '\(space.name)' "
                            + "(P \(space.pointsPerCloud), k \(space.k)); give the space it was measured in")
                }
                let systemName = try file.attributeIfPresent("system")?.stringValue ?? "?"
                let factor = try file.attributeIfPresent("device_factor")?.doubleValue ?? -1
                guard systemName == system.name, factor == system.device.factor else {
                    throw fail(
                        "measured on system '\(systemName)' (device ×\(factor)), not '\(system.name)' "
                            + "(device ×\(system.device.factor))")
                }
                guard let clockName = try file.attributeIfPresent("clock")?.stringValue,
                    let clock = ClockMode(rawValue: clockName),
                    let repeats = try file.attributeIfPresent("repeats")?.intValue,
                    let seedText = try file.attributeIfPresent("seed")?.stringValue, let seed = UInt64(seedText)
                else { throw fail("root attribute 'clock', 'repeats' or 'seed' is missing or malformed") }
                let cpu = try file.attributeIfPresent("cpu")?.stringValue ?? "unknown"
                let index = try file.readIntegers(at: "/index")
                let n = index.shape.first ?? 0
                let encoding = try file.readIntegers(at: "/encoding")
                let width = 2 * space.positions
                guard index.rank == 1, encoding.shape == [n, width] else {
                    throw fail("dataset '/encoding' has shape \(encoding.shape), expected [\(n), \(width)]")
                }
                var columns: [[Double]] = []
                for name in ["bandwidth", "latency", "latency_noise", "energy", "energy_noise", "wall_seconds"] {
                    let column = try file.readConverting(Double.self, at: "/" + name)
                    guard column.shape == [n] else {
                        throw fail("dataset '/\(name)' has shape \(column.shape), expected [\(n)]")
                    }
                    columns.append(column.values)
                }
                var records: [MeasurementRecord] = []
                for row in 0..<n {
                    let code = encoding.values[(row * width)..<((row + 1) * width)].map { Int($0) }
                    let architecture: Architecture
                    do {
                        architecture = try Architecture(encoding: code, in: space)
                    } catch {
                        throw fail("row \(row) of '/encoding' is not an architecture of '\(space.name)': \(error)")
                    }
                    records.append(
                        MeasurementRecord(
                            index: Int(index.values[row]), architecture: architecture,
                            megabitsPerSecond: columns[0][row], latency: columns[1][row], latencyNoise: columns[2][row],
                            energy: columns[3][row], energyNoise: columns[4][row], wallSeconds: columns[5][row]))
                }
                return EngineMeasurement(
                    space: space, system: system, clock: clock, repeats: Int(repeats), seed: seed, cpu: cpu,
                    records: records)
            }
        } catch let error as CoInferenceError {
            throw error
        } catch {
            throw CoInferenceError(origin: path, message: "cannot load the measurement: \(error)")
        }
    }
}
