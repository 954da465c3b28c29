import Design
import HDF5

/// Typed reading of a checkpoint's attributes and design table; every failure names the file and object.
struct CheckpointReader {
    /// The open file.
    let file: HDF5File
    /// Its path, for messages.
    let path: String

    /// The root attribute `name`; throws when missing.
    func value(_ name: String) throws -> HDF5AttributeValue {
        guard let found = try file.attributeIfPresent(name) else {
            throw SearchError.file(path: path, detail: "root attribute '\(name)' is missing")
        }
        return found
    }

    /// An integer root attribute.
    func int(_ name: String) throws -> Int {
        guard let v = try value(name).intValue else {
            throw SearchError.file(path: path, detail: "root attribute '\(name)' is not an integer")
        }
        return Int(v)
    }

    /// A list of integers.
    func ints(_ name: String) throws -> [Int] {
        guard let v = try value(name).intsValue else {
            throw SearchError.file(path: path, detail: "root attribute '\(name)' is not a list of integers")
        }
        return v.map { Int($0) }
    }

    /// A number.
    func double(_ name: String) throws -> Double {
        guard let v = try value(name).doubleValue else {
            throw SearchError.file(path: path, detail: "root attribute '\(name)' is not a number")
        }
        return v
    }

    /// A list of numbers (one number counts as a list of one).
    func doubles(_ name: String) throws -> [Double] {
        let found = try value(name)
        if let list = found.doublesValue { return list }
        if let one = found.doubleValue { return [one] }
        throw SearchError.file(path: path, detail: "root attribute '\(name)' is not a list of numbers")
    }

    /// A string.
    func string(_ name: String) throws -> String {
        guard let v = try value(name).stringValue else {
            throw SearchError.file(path: path, detail: "root attribute '\(name)' is not a string")
        }
        return v
    }

    /// The dataset `designs/NAME` as float64 with `count` values.
    func reals(_ name: String, count: Int) throws -> [Double] {
        let array = try file.read(Double.self, at: "designs/" + name)
        guard array.values.count == count else {
            throw SearchError.file(
                path: path, detail: "dataset 'designs/\(name)' has \(array.values.count) values, expected \(count)")
        }
        return array.values
    }

    /// The dataset `designs/NAME` as integers with `count` values.
    func integers(_ name: String, count: Int) throws -> [Int] {
        let array = try file.readIntegers(at: "designs/" + name)
        guard array.values.count == count else {
            throw SearchError.file(
                path: path, detail: "dataset 'designs/\(name)' has \(array.values.count) values, expected \(count)")
        }
        return array.values.map { Int($0) }
    }

    /// The `count` designs of the table, costs for `targets` targets, architectures checked in `space`.
    func designs(count r: Int, targets t: Int, space: DesignSpace) throws -> [EvaluatedDesign] {
        guard r > 0 else { return [] }
        let width = 2 * space.positions
        let encoding = try integers("encoding", count: r * width)
        let generation = try integers("generation", count: r)
        let latency = try reals("latency_s", count: r * t)
        let energy = try reals("energy_J", count: r * t)
        let scored = try integers("scored", count: r)
        let accuracy = try reals("accuracy", count: r)
        let meanClass = try reals("mean_class_accuracy", count: r)
        let loss = try reals("loss", count: r)
        let found = try integers("found_at", count: r * 3)
        return try (0..<r).map { i in
            let architecture: Architecture
            do {
                architecture = try Architecture(encoding: Array(encoding[(i * width)..<((i + 1) * width)]), in: space)
            } catch {
                throw SearchError.file(path: path, detail: "designs/encoding row \(i): \(error)")
            }
            return EvaluatedDesign(
                architecture: architecture, generation: generation[i],
                costs: (0..<t).map {
                    CostEstimate(latencySeconds: latency[i * t + $0], deviceEnergyJoules: energy[i * t + $0])
                },
                score: scored[i] == 0
                    ? nil : ArchitectureScore(accuracy: accuracy[i], meanClassAccuracy: meanClass[i], loss: loss[i]),
                foundAt: SearchCounters(
                    costCalls: found[i * 3], accuracyCalls: found[i * 3 + 1], candidates: found[i * 3 + 2]))
        }
    }
}
