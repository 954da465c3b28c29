import CoInference
import Search
import Systems

extension CoinferCommand {
    /// `coinfer Z on DATA dispatch=on budget=T`: a zoo (from `search` or `load ZOO.h5`) dispatched per request
    /// over its members with weights (see `ZooDeployment.candidates`); an in-process edge serves every member
    /// unless edge= names one that does (`tandem edge --models ZOO.h5`).
    static func runZoo(_ value: ZooValue, call: Invocation, shell: Shell) throws {
        let name = call.text("model") ?? ""
        guard call.flag("dispatch") else {
            throw call.error(
                "'\(name)' is a zoo: run it with dispatch=on budget=T, or one member with "
                    + "`load ZOO.h5/members/NAME as m` and `coinfer m on …`", at: "dispatch")
        }
        guard call.text("split") == nil, call.text("members") == nil else {
            throw call.error(
                "a zoo's members run their own mappings: leave out split= and members=",
                at: call.text("split") == nil ? "members" : "split")
        }
        let data = try TrainingData.resolve(call, argument: "on", in: shell.session).evaluation
        let system = try resolveSystem(call, in: shell)
        let deployment = ZooDeployment(
            zoo: value.zoo,
            weights: ZooWeights(systemName: value.systemName, measured: value.measured, models: value.models))
        let candidates: [MemberTable.Candidate]
        do {
            candidates = try deployment.candidates()
        } catch {
            throw call.error("\(error)", at: "model")
        }
        var local: EdgeServer?
        let edge: Endpoint
        if let text = call.text("edge") {
            guard let parsed = Endpoint(parsing: text) else {
                throw call.error("'\(text)' is not HOST:PORT", at: "edge")
            }
            edge = parsed
        } else {
            let server = try EdgeServer(
                EdgeServer.Configuration(models: deployment.models.map(\.model)), log: { _ in })
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
            pipeline: false, float16: call.flag("float16"))
        let samples = DeviceLaunch.samples(data, count: max(1, call.integer("n", default: 16)))
        try runDispatch(
            candidates, edge: edge, options: options, samples: samples, call: call, shell: shell,
            accuracies: "the zoo's scores", argument: "model")
    }
}
