import Design

extension MemberTable {
    /// A member before calibration: a model, the split it runs at, and its accuracy when known.
    public struct Candidate: Sendable {
        /// Its name (unique in the table).
        public var name: String
        /// The model (the edge must hold it too).
        public var model: DeployableModel
        /// The split (nil: device-only for a baseline, its own mapping for an architecture).
        public var split: Int?
        /// Its accuracy in 0…1 (a zoo's score); nil: measured on the calibration requests.
        public var accuracy: Double?
        /// Run the whole plan on the device (a zoo's fallback when no member is device-only).
        public var onDevice: Bool

        /// A candidate.
        public init(name: String, model: DeployableModel, split: Int?, accuracy: Double? = nil, onDevice: Bool = false)
        {
            self.name = name
            self.model = model
            self.split = split
            self.accuracy = accuracy
            self.onDevice = onDevice
        }
    }

    /// Runs `samples` with every candidate against `edge` on the virtual clock at the link's nominal bandwidth
    /// (schedule removed) and builds the table from the measured latency models (`LatencyModel(measured:)`)
    /// and accuracies. This is how a zoo becomes a table once its members carry weights: one candidate per
    /// member with the zoo's accuracy. Throws a `CoInferenceError` for an empty `samples`, a failed run or a
    /// table that is not valid (see `init`).
    public static func calibrated(
        _ candidates: [Candidate], edge: Endpoint, options: DeviceOptions, samples: [DeviceRuntime.Sample],
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) throws -> MemberTable {
        guard !samples.isEmpty else {
            throw CoInferenceError(origin: "member table", message: "calibration needs at least one request")
        }
        var calibration = options
        calibration.clock = .virtual
        calibration.pipeline = false
        calibration.system.link.schedule = []
        var members: [Member] = []
        for candidate in candidates {
            let compiled = try candidate.model.plan(split: candidate.split)
            let plan = candidate.onDevice ? compiled.onDevice() : compiled
            let runtime = DeviceRuntime(plan: plan, split: candidate.split, edge: edge, options: calibration, log: log)
            let summary = try runtime.run(samples)
            guard let latency = LatencyModel(measured: summary.reports) else {
                throw CoInferenceError(origin: candidate.name, message: "the calibration run answered no request")
            }
            members.append(
                Member(
                    name: candidate.name, plan: plan, split: candidate.split,
                    accuracy: candidate.accuracy ?? summary.accuracy ?? 0, latency: latency))
        }
        return try MemberTable(members)
    }
}
