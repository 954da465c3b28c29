import CoInference
import Design
import GNN

extension CoinferCommand {
    /// One `members=` entry: a model and its split point (nil: device-only for a baseline, the model's own
    /// mapping for an architecture).
    struct DispatchMember {
        var name: String
        var model: DeployableModel
        var split: Int?
    }

    /// The models of `members=NAME[:SPLIT],...`, plus `fallback`'s device-only plan when no entry is
    /// device-only.
    static func dispatchMembers(
        _ call: Invocation, fallback: DeployableModel, fallbackName: String, shell: Shell,
        deployable: (ModelValue) -> DeployableModel
    ) throws -> [DispatchMember] {
        guard let text = call.text("members"), !text.isEmpty else {
            throw call.error("dispatch=on needs members=NAME[:SPLIT],... (models in the session)", at: "members")
        }
        var members: [DispatchMember] = []
        for entry in text.split(separator: ",") {
            let parts = entry.split(separator: ":", maxSplits: 1).map(String.init)
            let value = try shell.session.value(parts[0], as: ModelValue.self, for: call, argument: "members")
            var split: Int?
            if parts.count == 2 {
                guard let n = Int(parts[1]) else {
                    throw call.error("'\(entry)' is not NAME or NAME:SPLIT (a whole number)", at: "members")
                }
                split = n
            }
            members.append(DispatchMember(name: String(entry), model: deployable(value), split: split))
        }
        let hasLocal = try members.contains { try $0.model.plan(split: $0.split).segments.count == 1 }
        if !hasLocal {
            members.append(DispatchMember(name: "\(fallbackName) device-only", model: fallback, split: nil))
        }
        return members
    }

    /// `coinfer … dispatch=on members=…`: calibrates every member (virtual clock, the first requests), then
    /// runs the requests with the runtime dispatcher and prints the member and estimate per request.
    static func runDispatch(
        _ candidates: [MemberTable.Candidate], edge: Endpoint, options: DeviceOptions, samples: [DeviceRuntime.Sample],
        call: Invocation, shell: Shell, accuracies: String? = nil, argument: String = "members"
    ) throws {
        guard let text = call.text("budget"), let budget = Units.parse(text, units: Units.durations), budget > 0 else {
            throw call.error("dispatch=on needs a latency budget, e.g. budget=100ms", at: "budget")
        }
        let console = shell.console
        let table: MemberTable
        do {
            table = try MemberTable.calibrated(
                candidates, edge: edge, options: options, samples: Array(samples.prefix(4)))
        } catch {
            throw call.error("\(error)", at: argument)
        }
        let link = options.system.link
        console.print(
            Table(
                header: ["member", "accuracy", "device", "edge", "sent+received", "predicted now"],
                rows: table.members.map { m in
                    [
                        m.name, NumberFormat.fixed(m.accuracy * 100, 1) + " %", SummaryText.duration(m.latency.device),
                        SummaryText.duration(m.latency.edge), SummaryText.bytes(m.latency.bytes),
                        SummaryText.duration(
                            m.latency.seconds(megabitsPerSecond: link.megabitsPerSecond, delay: link.delay)),
                    ]
                }
            ).text)
        let runtime = DispatchedRuntime(table: table, edge: edge, options: options, budget: budget, log: { _ in })
        let run: DispatchSummary
        do {
            run = try runtime.run(samples)
        } catch {
            throw call.error("\(error)", at: call.text("edge") == nil ? nil : "edge")
        }
        for r in run.reports.prefix(40) {
            console.print(
                "request \(r.request.id): \(r.name) (\(r.reason.rawValue)), link "
                    + "\(SummaryText.formatNumber(r.bandwidth)) Mbit/s, estimate "
                    + (r.estimate.map { NumberFormat.fixed($0.megabitsPerSecond, 1) + " Mbit/s" }
                        ?? "none")
                    + ", latency \(SummaryText.duration(r.request.total))" + (r.request.fallback ? ", fallback" : ""))
        }
        console.print(
            "dispatch: \(run.reports.count) requests, \(run.switches) switch\(run.switches == 1 ? "" : "es"), "
                + "\(run.misses) over the \(SummaryText.duration(budget)) budget, \(run.fallbacks) fallbacks "
                + "(\(options.clock.rawValue) clock; accuracies "
                + (accuracies ?? "measured on the first \(min(4, samples.count)) clouds") + ")")
    }
}
