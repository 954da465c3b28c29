import CoInference
import Design
import Foundation
import GNN
import HDF5
import Search
import Synchronization
import Systems
import Tensor

// coinfer-bench: the figures of scripts/bench/coinfer. Every measurement goes through a real EdgeServer on
// 127.0.0.1 and the DeviceRuntime; the edge's threads run on the last CPU and the device's on CPU 0 when the
// machine has two or more (sched_setaffinity is per thread and inherited by threads created afterwards).
//   coinfer-bench splits --requests N --points P          (latency / energy per split, Pi preset, 3 bandwidths)
//   coinfer-bench devices --requests N --points P         (edge throughput with 1, 4, 16 devices)
//   coinfer-bench agreement --requests N --points P       (wait vs virtual clock, per plan)
//   coinfer-bench dispatch --requests N --points P [--virtual 1]  (runtime dispatcher, 100 → 10 → 40 Mbit/s)
//   coinfer-bench dispatch-zoo --zoo ZOO.h5 --data FILE.h5[/GROUP] --requests N [--budget-us B] [--virtual 1]
//                                    (the same with a searched zoo's members, real weights and accuracies)

func option(_ name: String, _ fallback: Int) -> Int {
    let args = CommandLine.arguments
    guard let i = args.firstIndex(of: "--" + name), i + 1 < args.count, let v = Int(args[i + 1]) else {
        return fallback
    }
    return v
}

func fixed(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }

func text(_ name: String) -> String? {
    let args = CommandLine.arguments
    guard let i = args.firstIndex(of: "--" + name), i + 1 < args.count else { return nil }
    return args[i + 1]
}

/// Runs `samples` with the dispatcher and with every static choice of `table` under `system`'s schedule,
/// then prints the trace, one line per phase (the request of the phase at which the dispatcher switched,
/// the misses from that request on, the medians and misses of every static choice, and with labelled
/// samples each one's accuracy) and the totals.
func dispatchFigures(
    table: MemberTable, edge: EdgeServer, system: System, clock: ClockMode, budget: Double,
    samples: [DeviceRuntime.Sample], short: (String) -> String
) throws {
    let runtime = DispatchedRuntime(
        table: table, edge: edge.endpoint, options: DeviceOptions(system: system, clock: clock), budget: budget,
        log: { _ in })
    let dispatched = try runtime.run(samples)
    let trace = dispatched.reports.map { r in
        "\(r.request.id):\(Int(r.bandwidth))mbit:\(short(r.name))"
            + ":est=\(r.estimate.map { fixed($0.megabitsPerSecond, 1) } ?? "-"):\(fixed(r.request.total * 1000, 0))ms"
    }
    print("dispatch trace: " + trace.joined(separator: " "))
    var statics: [(String, DispatchSummary)] = []
    for i in table.members.indices { statics.append((table.members[i].name, try runtime.run(samples, pinned: i))) }
    func accuracy(_ summary: DispatchSummary, _ range: Range<Int>) -> String {
        let labelled = range.filter { summary.reports[$0].request.label != nil }
        guard !labelled.isEmpty else { return "" }
        let right = labelled.filter { summary.reports[$0].request.prediction == summary.reports[$0].request.label }
        return " acc=\(right.count)/\(labelled.count)"
    }
    for (mbps, range) in dispatched.phases {
        let switchIndex = range.first { dispatched.reports[$0].switched }
        let switched = switchIndex.map { "\($0 - range.lowerBound + 1)" } ?? "none"
        let afterSwitch = (switchIndex ?? range.lowerBound)..<range.upperBound
        let members = Set(range.map { short(dispatched.reports[$0].name) }).sorted().joined(separator: ",")
        var line =
            "phase \(Int(mbps))mbit requests=\(range.count) switched_at_request=\(switched) members=\(members) "
            + "dispatch_ms=\(fixed(dispatched.medianTotal(range) * 1000, 1))"
            + " misses_from_switch=\(afterSwitch.filter { dispatched.reports[$0].request.total > budget }.count)"
            + "/\(afterSwitch.count)"
            + " misses_after_3=\(range.dropFirst(2).filter { dispatched.reports[$0].request.total > budget }.count)"
            + accuracy(dispatched, range)
        for (name, summary) in statics {
            guard let phase = summary.phases.first(where: { $0.megabitsPerSecond == mbps }) else { continue }
            line +=
                " | static \(short(name)): \(fixed(summary.medianTotal(phase.requests) * 1000, 1)) ms"
                + " misses=\(phase.requests.filter { summary.reports[$0].request.total > budget }.count)/\(phase.requests.count)"
                + accuracy(summary, phase.requests)
        }
        print(line)
    }
    print(
        "switches=\(dispatched.switches) misses=\(dispatched.misses)/\(dispatched.reports.count) fallbacks=\(dispatched.fallbacks)"
            + accuracy(dispatched, 0..<dispatched.reports.count)
    )
}

/// The schedule 100 Mbit/s, then 10, then 40, timed so that each of the first two phases holds about
/// `requests` requests of the member the dispatcher should run there (`seconds(i, mbps)`: member i's
/// predicted latency), plus the two requests the switch to 10 may cost.
func scheduledSystem(
    _ preset: System, requests: Int, at100: Int, at10: Int, seconds: (Int, Double) -> Double
) -> (system: System, first: Double, second: Double) {
    let first = Double(requests) * seconds(at100, 100)
    let second = first + 2 * seconds(at100, 10) + Double(requests) * seconds(at10, 10)
    var system = preset
    system.link = LinkProfile(
        megabitsPerSecond: 100, delay: preset.link.delay,
        schedule: [.init(time: first, megabitsPerSecond: 10), .init(time: second, megabitsPerSecond: 40)])
    return (system, first, second)
}

AllocatorPolicy.keepFreedMemory()
let requests = option("requests", 5)
let points = option("points", 1024)
let cpus = CPUAffinity.available()
let deviceCPU: [Int] = cpus >= 2 ? [0] : []
let edgeCPU: [Int] = cpus >= 2 ? [cpus - 1] : []

func model(_ kind: String) throws -> DeployableModel {
    DeployableModel(baseline: try BaselineModel(kind: kind, classes: 40, seed: 1), points: points)
}

func inputs(_ count: Int, seed: UInt64) -> [DeviceRuntime.Sample] {
    var g = SeededGenerator(seed: seed)
    return (0..<count).map { i in
        DeviceRuntime.Sample(
            points: Tensor(shape: [points, 3], scalars: (0..<(points * 3)).map { _ in 2 * g.nextUniform() - 1 }),
            label: i % 40)
    }
}

/// Starts an edge for `models` with its threads on the edge CPU, then puts this thread on the device CPU.
func startEdge(_ models: [DeployableModel]) throws -> EdgeServer {
    if !edgeCPU.isEmpty { CPUAffinity.pin(to: edgeCPU) }
    let server = try EdgeServer(EdgeServer.Configuration(models: models), log: { _ in })
    server.start()
    if !deviceCPU.isEmpty { CPUAffinity.pin(to: deviceCPU) }
    return server
}

func run(
    _ plan: ExecutionPlan, split: Int?, edge: EdgeServer, system: System, clock: ClockMode,
    samples: [DeviceRuntime.Sample]
)
    throws -> CoInferenceSummary
{
    let runtime = DeviceRuntime(
        plan: plan, split: split, edge: edge.endpoint, options: DeviceOptions(system: system, clock: clock),
        log: { _ in })
    return try runtime.run(samples)
}

let mode = CommandLine.arguments.dropFirst().first ?? "splits"
print(
    "machine: \(cpus) CPUs; device on CPU \(deviceCPU), edge on CPU \(edgeCPU); \(points) points, \(requests) requests per figure"
)
switch mode {
case "splits":
    for kind in ["dgcnn", "pointnet"] {
        let m = try model(kind)
        let edge = try startEdge([m])
        let samples = inputs(requests, seed: 3)
        for mbit in [10.0, 40, 100] {
            var system = System.preset("pi-i7")!
            system.link.megabitsPerSecond = mbit
            var rows: [(Int, CoInferenceSummary)] = []
            for split in m.splitPoints {
                rows.append(
                    (
                        split,
                        try run(
                            try m.plan(split: split), split: split, edge: edge, system: system, clock: .virtual,
                            samples: samples)
                    ))
            }
            let best = rows.min { $0.1.medianTotal < $1.1.medianTotal }?.0
            let last = m.splitPoints.last ?? 0
            for (split, s) in rows {
                let label = split == 0 ? "edge-only" : split == last ? "device-only" : "split \(split)"
                print(
                    "\(kind) pi-i7 \(Int(mbit))mbit \(label): latency_ms=\(fixed(s.medianTotal * 1000, 1)) "
                        + "energy_j=\(fixed(s.medianEnergy, 3)) device_ms=\(fixed(s.median(\.device) * 1000, 1)) "
                        + "link_ms=\(fixed((s.median(\.uplink) + s.median(\.downlink)) * 1000, 1)) "
                        + "edge_ms=\(fixed(s.median(\.edge) * 1000, 1)) up_kb=\(fixed(Double(s.reports[0].bytesUp) / 1000, 1))"
                        + (split == best ? "  <- best split" : ""))
            }
        }
        edge.stop(drain: false)
        edge.wait()
    }
case "devices":
    let m = try model("dgcnn")
    let plan = try m.plan(split: 0)
    let edge = try startEdge([m])
    var fast = System.preset("pi-i7")!
    fast.link = LinkProfile(megabitsPerSecond: 100_000, delay: 0)
    let system = fast
    var base = 0.0
    for devices in [1, 4, 16] {
        let before = edge.served
        let start = Date()
        let group = DispatchGroup()
        let failures = Mutex(0)
        for d in 0..<devices {
            group.enter()
            Thread.detachNewThread {
                do {
                    _ = try run(
                        plan, split: 0, edge: edge, system: system, clock: .virtual,
                        samples: inputs(requests, seed: UInt64(d)))
                } catch {
                    failures.withLock { $0 += 1 }
                }
                group.leave()
            }
        }
        group.wait()
        let seconds = Date().timeIntervalSince(start)
        let throughput = Double(edge.served - before) / seconds
        if devices == 1 { base = throughput }
        print(
            "edge throughput, dgcnn edge-only, 1 worker: devices=\(devices) requests=\(edge.served - before) "
                + "seconds=\(fixed(seconds, 2)) requests_per_s=\(fixed(throughput, 2)) "
                + "vs_1_device=\(fixed(throughput / base * 100, 1))% failures=\(failures.withLock { $0 })")
    }
    edge.stop(drain: false)
    edge.wait()
case "dispatch":
    // The runtime dispatcher on pi-i7 under a scripted 100 → 10 → 40 Mbit/s schedule (wait clock unless
    // --virtual 1). Members: DGCNN split 1, split 6 (after the pool), edge-only and device-only, calibrated on
    // the virtual clock; their accuracies are stand-ins that grow with the bytes sent (random weights; a
    // zoo brings real ones), so that the most accurate member is the heaviest on the link.
    let m = try model("dgcnn")
    let edge = try startEdge([m])
    let preset = System.preset("pi-i7")!
    let clock: ClockMode = option("virtual", 0) == 1 ? .virtual : .wait
    let layers = m.splitPoints.max() ?? 0
    var members: [MemberTable.Member] = []
    for split in [1, 6, 0, layers] {
        let plan = try m.plan(split: split)
        let summary = try run(
            plan, split: split, edge: edge, system: preset, clock: .virtual, samples: inputs(3, seed: 7))
        members.append(
            .init(
                name: plan.name, plan: plan, split: split, accuracy: 0,
                latency: MemberTable.LatencyModel(measured: summary.reports)!))
    }
    let order = members.indices.sorted { members[$0].latency.bytes < members[$1].latency.bytes }
    for (rank, index) in order.enumerated() { members[index].accuracy = 0.80 + 0.03 * Double(rank) }
    let table = try MemberTable(members)
    let delay = preset.link.delay
    let seconds = { (i: Int, mbps: Double) in table.members[i].latency.seconds(megabitsPerSecond: mbps, delay: delay) }
    // The heaviest member, and the edge member fastest at 10 Mbit/s.
    let heavy = order[order.count - 1]
    let light = table.members.indices.filter { $0 != table.deviceOnly }.min { seconds($0, 10) < seconds($1, 10) }!
    // The heaviest member fits at 100 and 40 Mbit/s with room, the lightest at 10.
    let budget = max(seconds(heavy, 60), seconds(light, 7), 1.3 * seconds(heavy, 40))
    let (system, first, second) = scheduledSystem(
        preset, requests: requests, at100: heavy, at10: light, seconds: seconds)
    for (i, member) in table.members.enumerated() {
        print(
            "member \(member.name): accuracy=\(fixed(member.accuracy, 2)) (stand-in) device_ms=\(fixed(member.latency.device * 1000, 1)) "
                + "edge_ms=\(fixed(member.latency.edge * 1000, 1)) kb=\(fixed(Double(member.latency.bytes) / 1000, 1)) "
                + "crossings=\(member.latency.crossings) predicted_ms@100/10/40="
                + [100.0, 10, 40].map { fixed(seconds(i, $0) * 1000, 1) }.joined(separator: "/"))
    }
    print(
        "budget_ms=\(fixed(budget * 1000, 1)) clock=\(clock) schedule: 100 Mbit/s, 10 from \(fixed(first, 2)) s, 40 from \(fixed(second, 2)) s"
    )
    try dispatchFigures(
        table: table, edge: edge, system: system, clock: clock, budget: budget,
        samples: inputs(4 * requests + 6, seed: 8), short: { $0.replacingOccurrences(of: "dgcnn ", with: "") })
    edge.stop(drain: false)
    edge.wait()
case "dispatch-zoo":
    // The runtime dispatcher over a searched zoo (`search ... as z; export z to ZOO.h5`): its members with
    // their own weights and inherited-weight accuracies, the zoo's device-only fallback, calibrated on the
    // virtual clock on the first 4 clouds of --data; the budget is the zoo's latency budget unless
    // --budget-us; the same 100 → 10 → 40 Mbit/s schedule on pi-i7 (wait clock unless --virtual 1).
    guard let zooPath = text("zoo"), let dataPath = text("data") else {
        print("coinfer-bench dispatch-zoo: give --zoo ZOO.h5 and --data FILE.h5[/GROUP]")
        exit(64)
    }
    let deployment = try ZooDeployment.load(zooPath)
    let data = try PointCloudSet.read(from: dataPath)
    let pool = DeviceLaunch.samples(data, count: data.count)
    let samples = (0..<(4 * requests + 6)).map { pool[$0 % pool.count] }
    let edge = try startEdge(deployment.models.map(\.model))
    let preset = System.preset(deployment.weights.systemName) ?? System.preset("pi-i7")!
    let clock: ClockMode = option("virtual", 0) == 1 ? .virtual : .wait
    let table = try MemberTable.calibrated(
        deployment, edge: edge.endpoint, options: DeviceOptions(system: preset, clock: .virtual),
        samples: Array(samples.prefix(4)))
    let zooBudget = deployment.zoo.members.compactMap { $0.target?.latencyBudgetSeconds }.max()
    let budgetOption = option("budget-us", 0)
    guard let budget = budgetOption > 0 ? Double(budgetOption) * 1e-6 : zooBudget else {
        print("coinfer-bench dispatch-zoo: the zoo names no latency budget; give --budget-us")
        exit(64)
    }
    let delay = preset.link.delay
    let seconds = { (i: Int, mbps: Double) in table.members[i].latency.seconds(megabitsPerSecond: mbps, delay: delay) }
    // The member the dispatcher should run at a bandwidth: the most accurate meeting the budget there.
    let choice = { (mbps: Double) -> Int in
        table.members.indices.filter { seconds($0, mbps) <= budget }
            .max { (table.members[$0].accuracy, -seconds($0, mbps)) < (table.members[$1].accuracy, -seconds($1, mbps)) }
            ?? table.deviceOnly
    }
    for (i, member) in table.members.enumerated() {
        let zooMember = deployment.zoo.members.first { member.name == $0.name || member.name == $0.name + " device-only" }
        print(
            "member \(member.name): accuracy=\(fixed(member.accuracy, 3)) (inherited weights) "
                + "mode=\(zooMember?.mode?.rawValue ?? "?")\(member.name.hasSuffix("device-only") ? " (run on the device)" : "") "
                + "arch=\(zooMember?.architecture.text ?? "?") device_ms=\(fixed(member.latency.device * 1000, 1)) "
                + "edge_ms=\(fixed(member.latency.edge * 1000, 1)) kb=\(fixed(Double(member.latency.bytes) / 1000, 1)) "
                + "crossings=\(member.latency.crossings) predicted_ms@100/40/10="
                + [100.0, 40, 10].map { fixed(seconds(i, $0) * 1000, 1) }.joined(separator: "/")
                + " search_predicted_ms=\(zooMember.map { fixed($0.cost.latencySeconds * 1000, 1) } ?? "-")@\(zooMember.map { "\(Int($0.bandwidthMbps))" } ?? "-")")
    }
    let expected = [100.0, 40, 10].map { "\(Int($0)):\(table.members[choice($0)].name)" }
    print("budget_ms=\(fixed(budget * 1000, 2)) (zoo budget \(zooBudget.map { fixed($0 * 1000, 2) } ?? "-") ms) best member per bandwidth by the calibration: " + expected.joined(separator: " "))
    let (system, first, second) = scheduledSystem(
        preset, requests: requests, at100: choice(100), at10: choice(10), seconds: seconds)
    print("clock=\(clock) schedule: 100 Mbit/s, 10 from \(fixed(first, 2)) s, 40 from \(fixed(second, 2)) s; \(samples.count) requests of \(dataPath) (\(data.pointsPerCloud) points per cloud)")
    try dispatchFigures(
        table: table, edge: edge, system: system, clock: clock, budget: budget, samples: samples, short: { $0 })
    edge.stop(drain: false)
    edge.wait()
case "float16":
    // Float16 transfer: how far the logits move and how often the predicted class changes (random weights,
    // random clouds; a trained model's accuracy change is `coinfer ... float16=on` in the Workbench).
    let m = try model("dgcnn")
    let edge = try startEdge([m])
    let system = System.preset("pi-i7")!
    let samples = inputs(requests, seed: 9)
    for split in [1, 3, 5, 6] {
        let plan = try m.plan(split: split)
        func logits(_ half: Bool) throws -> [[Float]] {
            let runtime = DeviceRuntime(
                plan: plan, split: split, edge: edge.endpoint,
                options: DeviceOptions(system: system, clock: .virtual, float16: half), log: { _ in })
            return try runtime.run(samples).reports.map(\.logits)
        }
        let full = try logits(false)
        let half = try logits(true)
        var worst: Float = 0
        var same = 0
        for (a, b) in zip(half, full) {
            worst = max(worst, zip(a, b).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0)
            if a.indices.max(by: { a[$0] < a[$1] }) == b.indices.max(by: { b[$0] < b[$1] }) { same += 1 }
        }
        print(
            "float16 \(plan.name): max_relative_logit_error=\(String(format: "%.2e", worst)) same_class=\(same)/\(samples.count)"
        )
    }
    edge.stop(drain: false)
    edge.wait()
default:
    let dgcnn = try model("dgcnn")
    let pointnet = try model("pointnet")
    let edge = try startEdge([dgcnn, pointnet])
    let system = System.preset("pi-i7")!
    let samples = inputs(requests, seed: 5)
    for (m, split) in [(dgcnn, 0), (dgcnn, 3), (dgcnn, 6), (dgcnn, 9), (pointnet, 2)] {
        let plan = try m.plan(split: split)
        // Each request runs 3 times on each clock, the clocks alternating run by run (both see the same load
        // on a shared machine), each run a fresh runtime; its medians are compared.
        var waits: [Double] = []
        var virtuals: [Double] = []
        for sample in samples {
            var w: [Double] = []
            var v: [Double] = []
            for _ in 0..<3 {
                w.append(
                    try run(plan, split: split, edge: edge, system: system, clock: .wait, samples: [sample])
                        .reports[0].total)
                v.append(
                    try run(plan, split: split, edge: edge, system: system, clock: .virtual, samples: [sample])
                        .reports[0].total)
            }
            waits.append(quantile(w, 0.5))
            virtuals.append(quantile(v, 0.5))
        }
        let perRequest = zip(waits, virtuals).map { abs($0 / $1 - 1) }
        let (w, v) = (quantile(waits, 0.5), quantile(virtuals, 0.5))
        print(
            "agreement \(plan.name) pi-i7 40mbit: wait_ms=\(fixed(w * 1000, 1)) virtual_ms=\(fixed(v * 1000, 1)) "
                + "median_ratio=\(fixed(w / v, 3)) worst_request_ratio=\(fixed(zip(waits, virtuals).map { $0 / $1 }.max(by: { abs($0 - 1) < abs($1 - 1) }) ?? 1, 3)) per_request_within_5pct=\(perRequest.filter { $0 <= 0.05 }.count)/\(perRequest.count)"
        )
    }
    edge.stop(drain: false)
    edge.wait()
}
