import CoInference
import Design
import GNN
import Synchronization
import Systems

/// `coinfer MODEL on DATA [system=S] [edge=HOST:PORT] ...`: co-inference of a model over a real socket.
struct CoinferCommand: Command {
    static let spec = CommandSpec(
        name: "coinfer", group: .deploy, summary: "Run a model split between an emulated device and an edge",
        arguments: [
            .positional(
                "model", .name, "the model (DGCNN, PointNet or an architecture model), or a zoo with dispatch=on"),
            ArgumentSpec("on", .marked("on"), .name, .required, "point-cloud splits (uses test) or clouds"),
            .key("system", .name, .value("pi-i7"), "a system value or preset name"),
            .key("edge", .text, .optional, "HOST:PORT of a running `tandem edge` (an in-process edge if left out)"),
            .key("n", .integer, .value("16"), "requests (the first N clouds)"),
            .key(
                "split", .text, .optional,
                "baseline split point N (layers on the device), or best: try every one, keep the fastest; "
                    + "device-only if left out"),
            .key("pipeline", .flag, .value("off"), "start cloud t+1 on the device while the edge works on t"),
            .key("clock", .choice(ClockMode.allCases.map(\.rawValue)), .value("virtual"), "wait or virtual clock"),
            .key("float16", .flag, .value("off"), "send features as float16"),
            .key("dispatch", .flag, .value("off"), "choose the member per request from the estimated link"),
            .key("members", .text, .optional, "with dispatch=on: models NAME[:SPLIT],... the edge holds"),
            .key("budget", .text, .optional, "with dispatch=on: the latency budget, e.g. 100ms"),
        ],
        examples: [
            "coinfer m on shapes system=s n=8 split=3",
            "coinfer m on shapes system=s n=8 split=best",
            "coinfer m on shapes edge=127.0.0.1:7878 clock=wait pipeline=on",
            "coinfer m on shapes system=s dispatch=on members=m:1,m:0 budget=100ms",
            "coinfer z on shapes system=s dispatch=on budget=30ms",
        ],
        records: false,
        details: """
            The device segments run here, dilated by the system's factor; each crossing goes through the shaped
            link over a TCP socket to the edge, which runs its segments and answers. Without edge=, an edge
            server for this model is started in this process on an ephemeral loopback port. Prints one line per
            request (up to 10) and the medians, p95, throughput, accuracy and device energy, naming the clock.
            split=best (DGCNN, PointNet) is the Neurosurgeon-style best single split: the same requests run at
            every layer boundary on the same system, one line each, and the fastest median latency is kept.
            dispatch=on runs the runtime dispatcher: every member is calibrated on the first 4 clouds (virtual
            clock), then before each request the member with the best accuracy that meets budget= at the
            bandwidth estimated from the previous transfers runs (MODEL's device-only plan is the fallback when
            no member is device-only); a system with a schedule= changes the link during the run. A zoo (from
            `search` or `load ZOO.h5`) dispatches over its members with weights, with its scores as accuracies
            and its device-only member (else its most accurate member run on the device) as the fallback.
            """)

    static func run(_ call: Invocation, in shell: Shell) throws {
        let modelName = call.text("model") ?? ""
        if let zoo = shell.session.value(named: modelName) as? ZooValue {
            try runZoo(zoo, call: call, shell: shell)
            return
        }
        let model = try shell.session.value(modelName, as: ModelValue.self, for: call, argument: "model")
        let data = try TrainingData.resolve(call, argument: "on", in: shell.session).evaluation
        let system = try resolveSystem(call, in: shell)
        let deployable = deployableModel(model, points: data.pointsPerCloud)
        let dispatching = call.flag("dispatch")
        let members =
            dispatching
            ? try dispatchMembers(call, fallback: deployable, fallbackName: modelName, shell: shell) {
                deployableModel($0, points: data.pointsPerCloud)
            } : []
        let best = call.text("split") == "best"
        let split: Int? = best ? nil : try splitPoint(call)
        let plan: ExecutionPlan
        do {
            plan = try deployable.plan(split: split)
        } catch {
            throw call.error(
                "\(error) (split points: \(deployable.splitPoints.map(String.init).joined(separator: ", ")))",
                at: "split")
        }
        let console = shell.console
        var local: EdgeServer?
        let edge: Endpoint
        if let text = call.text("edge") {
            guard let parsed = Endpoint(parsing: text) else {
                throw call.error("'\(text)' is not HOST:PORT", at: "edge")
            }
            edge = parsed
        } else {
            var models = [deployable]
            for member in members where !models.contains(where: { $0.identity == member.model.identity }) {
                models.append(member.model)
            }
            let server = try EdgeServer(EdgeServer.Configuration(models: models), log: { _ in })
            server.start()
            local = server
            edge = server.endpoint
        }
        defer {
            local?.stop(drain: false)
            local?.wait()
        }
        let options = DeviceOptions(
            system: system, clock: ClockMode(rawValue: call.text("clock") ?? "virtual") ?? .virtual,
            pipeline: call.flag("pipeline"), float16: call.flag("float16"))
        let samples = DeviceLaunch.samples(data, count: max(1, call.integer("n", default: 16)))
        if dispatching {
            try runDispatch(
                members.map { MemberTable.Candidate(name: $0.name, model: $0.model, split: $0.split) }, edge: edge,
                options: options, samples: samples, call: call, shell: shell)
            return
        }
        if best {
            try runBestSplit(deployable, edge: edge, options: options, samples: samples, call: call, shell: shell)
            return
        }
        let events = EventLines()
        let runtime = DeviceRuntime(plan: plan, split: split, edge: edge, options: options, log: events.append)
        let summary: CoInferenceSummary
        do {
            summary = try runtime.run(samples)
        } catch {
            throw call.error("\(error)", at: call.text("edge") == nil ? nil : "edge")
        }
        for line in events.lines where !line.hasPrefix("device: connected") { console.print(line) }
        if summary.reports.count <= 10 { for report in summary.reports { console.print(SummaryText.line(report)) } }
        for line in SummaryText.summary(summary, system: system) { console.print(line) }
    }

    /// The deployable form of a model value (a baseline runs on `points` points unless it has its own).
    static func deployableModel(_ model: ModelValue, points: Int) -> DeployableModel {
        switch model.network {
        case .baseline(let baseline):
            return DeployableModel(
                baseline: baseline, classNames: model.classNames, points: model.points > 0 ? model.points : points)
        case .architecture(let architecture):
            return DeployableModel(architecture: architecture, classNames: model.classNames)
        }
    }

    /// The split point of `split=N` (nil when left out).
    static func splitPoint(_ call: Invocation) throws -> Int? {
        guard let text = call.text("split") else { return nil }
        guard let split = Int(text) else {
            throw call.error("split must be a split point (a whole number) or best, got '\(text)'", at: "split")
        }
        return split
    }

    /// The system named by `system=` (a session value, else a preset).
    static func resolveSystem(_ call: Invocation, in shell: Shell) throws -> System {
        let name = call.text("system") ?? "pi-i7"
        if let value = shell.session.value(named: name) {
            guard let system = value as? System else {
                throw call.error("'\(name)' is \(value.kindName), not a system (make one with `system`)", at: "system")
            }
            return system
        }
        guard let preset = System.preset(name) else {
            throw call.error(
                "no system named '\(name)' (presets: \(System.presetNames.joined(separator: ", ")))", at: "system")
        }
        return preset
    }
}

/// The runtime's log lines (connection events, fallbacks), collected from its threads and printed after the run.
private final class EventLines: Sendable {
    private let store = Mutex<[String]>([])
    /// Adds a line.
    @Sendable func append(_ line: String) { store.withLock { $0.append(line) } }
    /// Every line so far.
    var lines: [String] { store.withLock { $0 } }
}
