import GNN

/// What a dispatcher chooses from: each member's execution plan, accuracy and latency as a function of
/// bandwidth, with exactly one device-only member (the fallback). A zoo converts into one once it carries
/// weights (see README, "Runtime dispatcher").
public struct MemberTable: Sendable {
    /// A member's latency as a function of bandwidth: device and edge compute seconds, the bytes that cross
    /// per request (both directions, frame headers included) and how many crossings (messages) carry them.
    public struct LatencyModel: Sendable, Equatable {
        /// Emulated device seconds per request.
        public var device: Double
        /// Emulated edge seconds per request.
        public var edge: Double
        /// Bytes crossing the link per request, both directions.
        public var bytes: Int
        /// Messages per request (each pays the one-way delay).
        public var crossings: Int

        /// A latency model.
        public init(device: Double, edge: Double, bytes: Int, crossings: Int) {
            self.device = device
            self.edge = edge
            self.bytes = bytes
            self.crossings = crossings
        }

        /// The medians over measured requests (a calibration run on any link: compute and bytes do not
        /// depend on the bandwidth); nil without reports.
        public init?(measured reports: [RequestReport]) {
            guard !reports.isEmpty else { return nil }
            device = quantile(reports.map(\.device), 0.5)
            edge = quantile(reports.map(\.edge), 0.5)
            bytes = Int(quantile(reports.map { Double($0.bytesUp + $0.bytesDown) }, 0.5))
            crossings = Int(quantile(reports.map { Double($0.crossings) }, 0.5))
        }

        /// Seconds per request at `megabitsPerSecond` with a one-way `delay`: device + edge +
        /// bytes × 8 / bandwidth + crossings × delay (no queueing: one request at a time).
        public func seconds(megabitsPerSecond: Double, delay: Double) -> Double {
            guard crossings > 0 else { return device + edge }
            return device + edge + Double(bytes) * 8 / (max(megabitsPerSecond, 1e-9) * 1e6) + Double(crossings) * delay
        }
    }

    /// One member.
    public struct Member: Sendable {
        /// Its name (unique in the table).
        public var name: String
        /// The plan the device runs (its edge segments run on the edge).
        public var plan: ExecutionPlan
        /// The split announced at hello (a baseline's split point; nil for an architecture's own mapping).
        public var split: Int?
        /// Its accuracy in 0…1 (the zoo's, or measured).
        public var accuracy: Double
        /// Its latency as a function of bandwidth.
        public var latency: LatencyModel

        /// A member.
        public init(name: String, plan: ExecutionPlan, split: Int?, accuracy: Double, latency: LatencyModel) {
            self.name = name
            self.plan = plan
            self.split = split
            self.accuracy = accuracy
            self.latency = latency
        }

        /// True when the plan runs entirely on the device.
        public var isDeviceOnly: Bool { plan.segments.count == 1 }
    }

    /// The members, in the order given.
    public let members: [Member]
    /// The index of the device-only member.
    public let deviceOnly: Int

    /// A table; throws a `CoInferenceError` when it is empty, names repeat, or there is not exactly one
    /// device-only member (the fallback when no other member meets the budget or the edge is unreachable).
    public init(_ members: [Member]) throws(CoInferenceError) {
        guard !members.isEmpty else {
            throw CoInferenceError(origin: "member table", message: "no members: give at least a device-only one")
        }
        var seen: Set<String> = []
        for member in members where !seen.insert(member.name).inserted {
            throw CoInferenceError(origin: "member table", message: "two members are called '\(member.name)'")
        }
        let local = members.indices.filter { members[$0].isDeviceOnly }
        guard local.count == 1, let deviceOnly = local.first else {
            throw CoInferenceError(
                origin: "member table",
                message:
                    "\(local.count) device-only members (\(local.map { members[$0].name })); exactly one is the fallback"
            )
        }
        self.members = members
        self.deviceOnly = deviceOnly
    }
}
