import CoInference
import Design
import Search
import Systems

extension PlotCommand {
    /// The reference points of model `name` of the session, measured: its accuracy on the data's evaluation
    /// split (the `eval` path), its latency in the engine on the zoo's system at each of the zoo's bandwidths
    /// (a baseline device-only once, named with the bandwidths where that is its best single split, and at its
    /// best single split per bandwidth where that is not device-only; an architecture model at its own
    /// mapping per bandwidth).
    static func measuredReferences(
        _ name: String, zoo value: ZooValue, call: Invocation, shell: Shell
    ) throws -> [ReferencePoint] {
        let model = try shell.session.value(name, as: ModelValue.self, for: call, argument: "refs")
        guard call.text("on") != nil else {
            throw call.error("the reference model '\(name)' needs data to be measured on: add `on DATA`", at: "refs")
        }
        let data = try TrainingData.resolve(call, argument: "on", in: shell.session).evaluation
        let system = try referenceSystem(value, call: call, shell: shell)
        let accuracy = try model.evaluate(
            on: data, threads: shell.threads, progress: shell.progress("eval \(name)"),
            cancellation: shell.cancellation
        ).overallAccuracy
        let requests = call.integer("n", default: 4)
        guard (1...1000).contains(requests) else { throw call.error("n=\(requests): 1 to 1000", at: "n") }
        let samples = DeviceLaunch.samples(data, count: requests)
        var bandwidths: [Double] = []
        for member in value.zoo.members + value.zoo.front where !bandwidths.contains(member.bandwidthMbps) {
            bandwidths.append(member.bandwidthMbps)
        }
        if case .architecture(let architecture) = model.network {
            return try bandwidths.map { bandwidth in
                let figures = try EngineFigures(
                    architecture, system: system, megabitsPerSecond: bandwidth, samples: [samples[0]] + samples)
                return ReferencePoint(
                    name: "\(name) @ \(SummaryText.formatNumber(bandwidth)) Mbit/s", accuracy: accuracy,
                    latencySeconds: figures.latency, measured: true)
            }
        }
        let deployable = CoinferCommand.deployableModel(model, points: data.pointsPerCloud)
        let server = try EdgeServer(
            EdgeServer.Configuration(models: [deployable], edge: system.edge), log: { _ in })
        server.start()
        defer {
            server.stop(drain: false)
            server.wait()
        }
        var points: [ReferencePoint] = []
        var deviceOnlyBest: [String] = []
        for bandwidth in bandwidths {
            try shell.cancellation.check()
            var linked = system
            linked.link.megabitsPerSecond = bandwidth
            linked.link.schedule = []
            let search: SplitSearch
            do {
                search = try SplitSearch.run(
                    deployable, edge: server.endpoint, options: DeviceOptions(system: linked, clock: .virtual),
                    samples: samples, log: { _ in })
            } catch {
                throw call.error("'\(name)': \(error)", at: "refs")
            }
            if points.isEmpty, let deviceOnly = search.rows.first(where: { $0.split == search.layers }) {
                points.append(
                    ReferencePoint(
                        name: "\(name) device-only", accuracy: accuracy,
                        latencySeconds: deviceOnly.summary.medianTotal, measured: true))
            }
            if search.best?.split == search.layers { deviceOnlyBest.append(SummaryText.formatNumber(bandwidth)) }
            if let best = search.best, best.split != search.layers {
                points.append(
                    ReferencePoint(
                        name: "\(name) best split @ \(SummaryText.formatNumber(bandwidth)) Mbit/s "
                            + "(\(search.placement(best.split)))", accuracy: accuracy,
                        latencySeconds: best.summary.medianTotal, measured: true))
            }
        }
        if !deviceOnlyBest.isEmpty, !points.isEmpty {
            points[0].name += " = best split @ " + deviceOnlyBest.joined(separator: ", ") + " Mbit/s"
        }
        return points
    }

    /// The system of `system=`, else the zoo's (a system value of the session, else a preset).
    static func referenceSystem(_ value: ZooValue, call: Invocation, shell: Shell) throws -> System {
        if call.text("system") != nil { return try CoinferCommand.resolveSystem(call, in: shell) }
        if let system = shell.session.value(named: value.systemName) as? System, system.name == value.systemName {
            return system
        }
        guard let preset = System.preset(value.systemName) else {
            throw call.error(
                "the zoo's system '\(value.systemName)' is not a preset nor a system of the session: give system=",
                at: "refs")
        }
        return preset
    }
}
