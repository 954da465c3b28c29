import Design
import HDF5
import Systems
import Tensor

/// `tandem device --edge HOST:PORT --model FILE --data FILE [--split N] [--system pi-i7] [--bandwidth MBIT]
/// [--delay MS] [--factor F] [--n N] [--clock wait|virtual] [--pipeline] [--float16] [--cpu N|none] [--quiet]`.
public struct DeviceLaunch {
    /// The usage text.
    public static let usage = """
        usage: tandem device --edge HOST:PORT --model FILE --data FILE [--split N] [--system pi-i7|tx2-i7]
                             [--bandwidth MBIT] [--delay MS] [--factor F] [--n N] [--clock wait|virtual]
                             [--pipeline] [--float16] [--cpu N|none] [--quiet]
        exit status: 0 every request answered, 1 the run failed, 64 wrong use (the message names the argument)
        """

    /// The runtime, ready to run.
    public var runtime: DeviceRuntime
    /// The samples.
    public var samples: [DeviceRuntime.Sample]
    /// The system emulated.
    public var system: System
    /// The CPU to pin to (nil: none).
    public var cpu: Int?
    /// Print only the summary.
    public var quiet: Bool

    /// Parses the arguments after `device`, loads the model and the data.
    public init(arguments: [String], log: @escaping @Sendable (String) -> Void) throws {
        let name = "tandem device"
        let args = try CommandLineArguments(
            arguments,
            valued: [
                "--edge", "--model", "--data", "--split", "--system", "--bandwidth", "--delay", "--factor", "--n",
                "--clock", "--cpu",
            ], switches: ["--pipeline", "--float16", "--quiet"], command: name)
        guard let edgeText = args.value("--edge"), let edge = Endpoint(parsing: edgeText) else {
            throw CoInferenceError(origin: name, message: "--edge HOST:PORT is required (where `tandem edge` listens)")
        }
        guard let modelPath = args.value("--model"), let dataPath = args.value("--data") else {
            throw CoInferenceError(origin: name, message: "--model FILE and --data FILE are required")
        }
        let presetName = args.value("--system") ?? "pi-i7"
        guard var system = System.preset(presetName) else {
            throw CoInferenceError(
                origin: name,
                message: "unknown system '\(presetName)' (known: \(System.presetNames.joined(separator: ", ")))")
        }
        if let mbit = try args.number("--bandwidth", command: name) { system.link.megabitsPerSecond = mbit }
        if let ms = try args.number("--delay", command: name) { system.link.delay = ms / 1000 }
        if let factor = try args.number("--factor", command: name) { system.device.factor = factor }
        guard system.link.megabitsPerSecond > 0, system.link.delay >= 0, system.device.factor >= 1 else {
            throw CoInferenceError(origin: name, message: "bandwidth must be > 0, delay ≥ 0 and factor ≥ 1")
        }
        let clockText = args.value("--clock") ?? "virtual"
        guard let clock = ClockMode(rawValue: clockText) else {
            throw CoInferenceError(origin: name, message: "--clock must be wait or virtual, got '\(clockText)'")
        }
        let split = try args.number("--split", command: name).map { Int($0) }
        let model = try DeployableModel.load(modelPath)
        let plan = try model.plan(split: split)
        let data = try PointCloudSet.read(from: dataPath)
        let n = min(data.count, try args.number("--n", command: name).map { max(1, Int($0)) } ?? data.count)
        samples = Self.samples(data, count: n)
        self.system = system
        runtime = DeviceRuntime(
            plan: plan, split: split, edge: edge,
            options: DeviceOptions(
                system: system, clock: clock, pipeline: args.flags.contains("--pipeline"),
                float16: args.flags.contains("--float16")),
            log: log)
        cpu = try EdgeLaunch.cpu(args.value("--cpu"), default: CPUAffinity.available() >= 2 ? 0 : nil)
        quiet = args.flags.contains("--quiet")
    }

    /// The first `count` clouds of a set as samples.
    public static func samples(_ data: PointCloudSet, count: Int) -> [DeviceRuntime.Sample] {
        let p = data.pointsPerCloud
        return (0..<min(count, data.count)).map { i in
            let scalars = Array(data.points.scalars[(i * p * 3)..<((i + 1) * p * 3)])
            return DeviceRuntime.Sample(points: Tensor(shape: [p, 3], scalars: scalars), label: Int(data.labels[i]))
        }
    }
}
