import Design
import HDF5
import Systems
import Tensor

/// `tandem device --edge HOST:PORT --model FILE --data FILE [--split N|best | --member NAME | --dispatch --budget T]
/// [--system pi-i7] [--bandwidth MBIT] [--delay MS] [--factor F] [--n N] [--clock wait|virtual] [--pipeline]
/// [--float16] [--cpu N|none] [--quiet] [--logits FILE]`.
public struct DeviceLaunch {
    /// The usage text.
    public static let usage = """
        usage: tandem device --edge HOST:PORT --model FILE --data FILE [--split N|best] [--system pi-i7|tx2-i7]
                             [--bandwidth MBIT] [--delay MS] [--factor F] [--n N] [--clock wait|virtual]
                             [--pipeline] [--float16] [--cpu N|none] [--quiet] [--logits FILE.h5]
               tandem device --edge HOST:PORT --model ZOO.h5 --data FILE (--member NAME | --dispatch --budget T)
                             [the options above]
        --model ZOO.h5 takes a zoo file (saved by `export Z to ZOO.h5` after `search`): --member NAME runs one
        member, --dispatch chooses per request the most accurate member that meets --budget (100ms, 0.1s) at
        the bandwidth estimated from recent transfers, after calibrating every member on the first 4 clouds;
        the edge must serve the zoo (`tandem edge --models ZOO.h5`). --logits FILE.h5 writes every request's
        logits (dataset `logits` [n, classes], with `labels` and `predictions`) for one model or member.
        --split best (a DGCNN or PointNet file) runs the same requests at every split point, one line each, and
        names the fastest (Neurosurgeon-style).
        exit status: 0 every request answered, 1 the run failed, 64 wrong use (the message names the argument)
        """

    /// What runs: one plan, or the dispatcher over a zoo.
    public enum Work: Sendable {
        /// One runtime, ready to run.
        case single(DeviceRuntime)
        /// A zoo dispatched per request under a latency budget in seconds.
        case dispatch(ZooDeployment, budget: Double)
        /// A DGCNN or PointNet run at every split point (`--split best`), keeping the fastest.
        case bestSplit(DeployableModel)
    }

    /// What runs.
    public var work: Work
    /// The edge's address.
    public var edge: Endpoint
    /// How the device runs.
    public var options: DeviceOptions
    /// The samples.
    public var samples: [DeviceRuntime.Sample]
    /// The system emulated.
    public var system: System
    /// The CPU to pin to (nil: none).
    public var cpu: Int?
    /// Print only the summary.
    public var quiet: Bool
    /// Where to write the requests' logits (`--logits`; nil: nowhere).
    public var logitsPath: String?

    /// Parses the arguments after `device`, loads the model and the data.
    public init(arguments: [String], log: @escaping @Sendable (String) -> Void) throws {
        let name = "tandem device"
        let args = try CommandLineArguments(
            arguments,
            valued: [
                "--edge", "--model", "--data", "--split", "--system", "--bandwidth", "--delay", "--factor", "--n",
                "--clock", "--cpu", "--member", "--budget", "--logits",
            ], switches: ["--pipeline", "--float16", "--quiet", "--dispatch"], command: name)
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
        let best = args.value("--split") == "best"
        let split = best ? nil : try args.number("--split", command: name).map { Int($0) }
        let options = DeviceOptions(
            system: system, clock: clock, pipeline: args.flags.contains("--pipeline"),
            float16: args.flags.contains("--float16"))
        if ZooDeployment.isZooFile(modelPath) {
            if best {
                throw CoInferenceError(
                    origin: name,
                    message: "--split best needs a DGCNN or PointNet file; a zoo member runs its own mapping")
            }
            let deployment = try ZooDeployment.load(modelPath)
            if args.flags.contains("--dispatch") {
                guard let text = args.value("--budget"), let budget = Self.seconds(text), budget > 0 else {
                    throw CoInferenceError(
                        origin: name, message: "--dispatch needs --budget T, a latency such as 100ms or 0.1s")
                }
                work = .dispatch(deployment, budget: budget)
            } else {
                guard let member = args.value("--member") else {
                    throw CoInferenceError(
                        origin: name,
                        message: "\(modelPath) is a zoo: give --member NAME (one of "
                            + deployment.models.map(\.name).joined(separator: ", ") + ") or --dispatch --budget T")
                }
                let plan = try deployment.model(named: member).plan(split: split)
                work = .single(DeviceRuntime(plan: plan, split: split, edge: edge, options: options, log: log))
            }
        } else {
            for zooOnly in ["--member", "--budget", "--dispatch"]
            where args.value(zooOnly) != nil || args.flags.contains(zooOnly) {
                throw CoInferenceError(origin: name, message: "\(zooOnly) needs a zoo file as --model")
            }
            let model = try DeployableModel.load(modelPath)
            if best {
                guard model.splitPoints.count > 1 else {
                    throw CoInferenceError(
                        origin: name,
                        message: "--split best needs a DGCNN or PointNet file; \(modelPath) is an architecture model, "
                            + "which runs its own mapping")
                }
                work = .bestSplit(model)
            } else {
                let plan = try model.plan(split: split)
                work = .single(DeviceRuntime(plan: plan, split: split, edge: edge, options: options, log: log))
            }
        }
        let data = try PointCloudSet.read(from: dataPath)
        let n = min(data.count, try args.number("--n", command: name).map { max(1, Int($0)) } ?? data.count)
        samples = Self.samples(data, count: n)
        self.system = system
        self.edge = edge
        self.options = options
        cpu = try EdgeLaunch.cpu(args.value("--cpu"), default: CPUAffinity.available() >= 2 ? 0 : nil)
        quiet = args.flags.contains("--quiet")
        logitsPath = args.value("--logits")
        if logitsPath != nil, case .dispatch = work {
            throw CoInferenceError(origin: name, message: "--logits needs one model or --member, not --dispatch")
        }
        if logitsPath != nil, case .bestSplit = work {
            throw CoInferenceError(origin: name, message: "--logits needs one split (--split N), not --split best")
        }
    }

    /// Seconds from `100ms`, `0.1s`, `250us` or a bare number of milliseconds; nil when not a duration.
    static func seconds(_ text: String) -> Double? {
        for (suffix, scale) in [("ms", 1e-3), ("us", 1e-6), ("µs", 1e-6), ("s", 1.0)] where text.hasSuffix(suffix) {
            return Double(text.dropLast(suffix.count)).flatMap { $0.isFinite ? $0 * scale : nil }
        }
        return Double(text).flatMap { $0.isFinite ? $0 * 1e-3 : nil }
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
