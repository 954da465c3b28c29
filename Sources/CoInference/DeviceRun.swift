import Dispatch
import Foundation
import GNN
import Synchronization
import Systems
import Tensor

/// One `DeviceRuntime.run`: the pending table, the reports, the connection and its receiver thread.
final class DeviceRun: Sendable {
    /// Time and bytes spent on a request so far, and its stages for the virtual schedule.
    struct Account: Sendable {
        var device = 0.0
        var uplink = 0.0
        var edge = 0.0
        var downlink = 0.0
        var bytesUp = 0
        var bytesDown = 0
        var crossings = 0
        var stages: [PipelineSchedule.Stage] = []

        mutating func add(_ resource: PipelineSchedule.Resource, _ seconds: Double) {
            switch resource {
            case .device: device += seconds
            case .uplink:
                uplink += seconds
                crossings += 1
            case .edge: edge += seconds
            case .downlink:
                downlink += seconds
                crossings += 1
            }
            stages.append(PipelineSchedule.Stage(resource: resource, seconds: seconds))
        }
    }

    /// A request waiting for the edge: the edge segment asked for, what the device kept (the state it sent
    /// from), its account, when it started, on which connection.
    struct Pending: Sendable {
        var segment: Int
        var kept: PlanState
        var account: Account
        var start: Double
        var generation: Int
    }

    struct State: Sendable {
        var connection: DeviceConnection?
        var generation = 0
        var connecting = false
        var pending: [Int: Pending] = [:]
        var reports: [Int: RequestReport] = [:]
        var stages: [Int: [PipelineSchedule.Stage]] = [:]
        var nextAttempt = 0.0
        var backoff: Double
        var refusal: WireFailure?
        var failure: String?
        var duplicates = 0
        var finishing = false
        /// The link new connections shape with (a dispatched run changes it per request on the virtual clock).
        var link: LinkProfile
    }

    let runtime: DeviceRuntime
    let samples: [DeviceRuntime.Sample]
    let origin: Double
    let window: DispatchSemaphore
    let done = DispatchSemaphore(value: 0)
    let state: Mutex<State>

    /// A run of `samples`; the link schedule starts at `origin` (monotonic seconds; a dispatched run shares
    /// one origin over its one-request runs).
    init(runtime: DeviceRuntime, samples: [DeviceRuntime.Sample], origin: Double = MonotonicClock.now()) {
        self.runtime = runtime
        self.samples = samples
        self.origin = origin
        // The virtual clock runs one request at a time for real (so that measured op times are not inflated by
        // the device and edge competing for cores) and pipelines in its schedule; the wait clock really
        // overlaps up to two requests.
        let overlapping = runtime.options.pipeline && runtime.options.clock == .wait
        window = DispatchSemaphore(value: overlapping ? runtime.options.depth : 1)
        state = Mutex(State(backoff: runtime.options.initialBackoff, link: runtime.options.system.link))
    }

    var plan: ExecutionPlan { runtime.plan }

    /// The emulated device has one core: its work (dilation included, so the wait clock's sleep too) runs
    /// one op at a time, also when pipelining lets two threads hold device work.
    private let deviceCore = Mutex(0)

    /// Runs `op` on the emulated device (see `deviceCore`); returns its result and emulated seconds.
    private func onDevice<R: Sendable>(_ op: () throws -> R) throws -> (R, Double) {
        try deviceCore.withLock { _ in try runtime.deviceDilation.run(op) }
    }

    /// `onDevice` for work that cannot fail.
    private func onDevice<R: Sendable>(_ op: () -> R) -> (R, Double) {
        deviceCore.withLock { _ in runtime.deviceDilation.run(op) }
    }

    func execute() throws -> CoInferenceSummary {
        try open()
        for index in samples.indices {
            window.wait()
            begin(index)
        }
        for _ in samples.indices { done.wait() }
        close()
        let makespan = MonotonicClock.now() - origin
        let (reports, stages, failure, duplicates) = state.withLock { s in
            (s.reports, s.stages, s.failure, s.duplicates)
        }
        if let failure { throw CoInferenceError(origin: plan.name, message: failure) }
        guard duplicates == 0, reports.count == samples.count else {
            throw CoInferenceError(
                origin: plan.name,
                message: "\(reports.count) answers for \(samples.count) requests, \(duplicates) twice")
        }
        let ordered = samples.indices.compactMap { reports[$0] }
        let chains = samples.indices.map { stages[$0] ?? [] }
        let finish = PipelineSchedule.finishTimes(chains, window: runtime.options.pipeline ? runtime.options.depth : 1)
        let wait = runtime.options.clock == .wait
        return CoInferenceSummary(
            clock: runtime.options.clock, pipeline: runtime.options.pipeline, plan: plan.name, reports: ordered,
            makespan: wait ? makespan : (finish.max() ?? 0),
            sequentialMakespan: wait ? nil : PipelineSchedule.finishTimes(chains, window: 1).max() ?? 0)
    }

    /// Connects when the plan has edge segments; throws when the edge refuses the model.
    func open() throws {
        if plan.segments.count > 1 { _ = connection() }
        try checkRefusal()
    }

    private func checkRefusal() throws {
        if let refusal = state.withLock({ $0.refusal }) {
            throw CoInferenceError(origin: "\(runtime.edge)", message: "the edge refused the model: \(refusal.message)")
        }
    }

    /// Ends the run: the connection is shut down and no reconnection is attempted.
    func close() {
        let connection = state.withLock { s -> DeviceConnection? in
            s.finishing = true
            return s.connection
        }
        connection?.socket.shutdown(reading: true, writing: true)
    }

    /// Runs request `index` alone on the open run and returns its report (a dispatched run's step), first
    /// setting the link both shapers use to `link` when given. Throws when the request failed or the edge
    /// refused the model.
    func runAlone(_ index: Int, link: LinkProfile?) throws -> RequestReport {
        if let link {
            let connection = state.withLock { s -> DeviceConnection? in
                s.link = link
                return s.connection
            }
            connection?.uplink.withLock { $0.link = link }
            connection?.downlink.withLock { $0.link = link }
        }
        window.wait()
        begin(index)
        done.wait()
        try checkRefusal()
        let (report, failure) = state.withLock { ($0.reports[index], $0.failure) }
        if let failure { throw CoInferenceError(origin: plan.name, message: failure) }
        guard let report else {
            throw CoInferenceError(origin: plan.name, message: "request \(index) was not answered")
        }
        return report
    }

    // MARK: - One request

    private func begin(_ index: Int) {
        let start = MonotonicClock.now()
        var account = Account()
        let points = samples[index].points
        let input = plan.start(points: points.reshaped([1, points.count / 3, 3]), batch: 1)
        do {
            let (output, seconds) = try onDevice {
                try plan.run(segment: 0, on: input, threads: runtime.deviceThreads)
            }
            account.add(.device, seconds)
            if plan.segments.count == 1 {
                try complete(index, logits: plan.logits(output), account: account, start: start, fallback: false)
            } else {
                send(index, segment: 1, kept: output, account: account, start: start)
            }
        } catch {
            fail(index, "request \(index): \(error)")
        }
    }

    /// Sends the crossing before `segment` (an edge segment); falls back when there is no edge.
    private func send(_ index: Int, segment: Int, kept: PlanState, account: Account, start: Double) {
        var account = account
        guard let connection = connection() else {
            fallBack(index, resuming: (segment, kept), account: account, start: start)
            return
        }
        let (bytes, seconds) = onDevice {
            Frame.tensors(
                .request, requestID: UInt64(index), modelID: connection.modelID, segment: segment,
                flags: runtime.flags, plan.crossing(after: segment - 1, kept).message(float16: runtime.options.float16)
            ).encoded()
        }
        account.add(.device, seconds)
        account.bytesUp += bytes.count
        let registered = state.withLock { s -> Bool in
            guard s.connection === connection else { return false }
            s.pending[index] = Pending(
                segment: segment, kept: kept, account: account, start: start, generation: s.generation)
            return true
        }
        guard registered else {
            fallBack(index, resuming: (segment, kept), account: account, start: start)
            return
        }
        do {
            try connection.uplink.withLock { shaper in
                let link = try shaper.send(bytes: bytes.count) { range in try connection.socket.sendAll(bytes, range) }
                state.withLock { $0.pending[index]?.account.add(.uplink, link) }
            }
        } catch {
            // The receiver thread sees the same failure and answers every pending request of this connection.
            connection.socket.shutdown(reading: true, writing: true)
        }
    }

    /// Handles a reply: shapes the downlink, decodes, runs the next device segment, then finishes or sends.
    private func received(_ frame: Frame, on connection: DeviceConnection, arrival: Double) throws {
        connection.uplink.withLock { _ in }  // a send still in progress has recorded its uplink time
        let index = Int(frame.requestID)
        guard var pending = state.withLock({ $0.pending.removeValue(forKey: index) }) else {
            runtime.note("device: reply for request \(index), which is not waiting: ignored")
            return
        }
        let link = connection.received(bytes: frame.payload.count + WireFormat.headerSize, arrival: arrival)
        let message = try frame.tensorMessage(limits: runtime.options.limits)
        pending.account.add(.edge, message.edgeSeconds)
        pending.account.add(.downlink, link)
        pending.account.bytesDown += frame.payload.count + WireFormat.headerSize
        let segment = Int(frame.segment)
        let last = plan.segments.count - 1
        do {
            let (state, seconds) = try onDevice { () throws -> PlanState in
                let merged = pending.kept.merging(try PlanState(message))
                guard segment < last else { return merged }
                return try plan.run(segment: segment + 1, on: merged, threads: runtime.deviceThreads)
            }
            pending.account.add(.device, seconds)
            if segment >= last || segment + 1 == last {
                try complete(
                    index, logits: plan.logits(state), account: pending.account, start: pending.start, fallback: false)
            } else {
                send(index, segment: segment + 2, kept: state, account: pending.account, start: pending.start)
            }
        } catch {
            fail(index, "request \(index): \(error)")
        }
    }

    /// Answers a request on the device: from the state it kept before edge segment `resuming.segment` when the
    /// remaining steps need nothing else (`ExecutionPlan.canResume`), else from the raw points with the
    /// device-only plan. Same weights, same steps: same logits either way.
    private func fallBack(_ index: Int, resuming: (segment: Int, kept: PlanState), account: Account, start: Double) {
        var account = account
        let points = samples[index].points
        let position = plan.segments[resuming.segment].steps.lowerBound
        let resumable = plan.canResume(at: position, from: resuming.kept)
        do {
            let (logits, seconds) = try onDevice { () throws -> Tensor in
                if resumable {
                    return try plan.logits(
                        plan.resume(at: position, from: resuming.kept, threads: runtime.deviceThreads))
                }
                return try runtime.fallback.infer(
                    points: points.reshaped([1, points.count / 3, 3]), batch: 1, threads: runtime.deviceThreads)
            }
            account.add(.device, seconds)
            try complete(index, logits: logits, account: account, start: start, fallback: true)
        } catch {
            fail(index, "request \(index) (device-only fallback): \(error)")
        }
    }

    private func complete(_ index: Int, logits: Tensor, account: Account, start: Double, fallback: Bool) throws {
        let wait = runtime.options.clock == .wait
        let total =
            wait ? MonotonicClock.now() - start : account.device + account.uplink + account.edge + account.downlink
        let idle = total - account.device - account.uplink - account.downlink
        let energy = DeviceEnergy(
            power: runtime.options.system.device.power, compute: account.device, idle: idle, send: account.uplink,
            receive: account.downlink)
        let scores = logits.scalars
        let prediction = scores.indices.max { scores[$0] < scores[$1] } ?? 0
        let report = RequestReport(
            id: index, device: account.device, uplink: account.uplink, edge: account.edge, downlink: account.downlink,
            total: total, energy: energy, bytesUp: account.bytesUp, bytesDown: account.bytesDown,
            crossings: account.crossings, fallback: fallback,
            prediction: prediction, label: samples[index].label, logits: scores)
        state.withLock { s in
            if s.reports[index] != nil { s.duplicates += 1 }
            s.reports[index] = report
            s.stages[index] = account.stages
        }
        window.signal()
        done.signal()
    }

    private func fail(_ index: Int, _ message: String) {
        runtime.note("device: \(message)")
        state.withLock { s in
            if s.failure == nil { s.failure = message }
            if s.reports[index] == nil {
                s.reports[index] = RequestReport(
                    id: index, device: 0, uplink: 0, edge: 0, downlink: 0, total: 0,
                    energy: DeviceEnergy(
                        power: runtime.options.system.device.power, compute: 0, idle: 0, send: 0, receive: 0),
                    bytesUp: 0, bytesDown: 0, crossings: 0, fallback: true, prediction: -1, label: samples[index].label,
                    logits: [])
            }
        }
        window.signal()
        done.signal()
    }

    // MARK: - Connection

    /// The live connection, connecting (or reconnecting, once the backoff has passed) if needed; nil when
    /// there is no edge right now.
    private func connection() -> DeviceConnection? {
        let due = state.withLock { s -> DeviceConnection?? in
            if let c = s.connection { return .some(c) }
            guard !s.connecting, MonotonicClock.now() >= s.nextAttempt, s.refusal == nil, !s.finishing else {
                return .some(nil)
            }
            s.connecting = true
            return nil
        }
        if let known = due { return known }
        do {
            let link = state.withLock { $0.link }
            let (connection, reader) = try DeviceConnection.open(
                runtime.edge, hello: runtime.hello, options: runtime.options, link: link, origin: origin)
            let generation = state.withLock { s -> Int in
                s.connecting = false
                s.connection = connection
                s.generation += 1
                s.backoff = runtime.options.initialBackoff
                return s.generation
            }
            runtime.note("device: connected to \(runtime.edge) for '\(plan.name)'")
            let thread = Thread { [self] in receive(connection, reader: reader, generation: generation) }
            thread.start()
            return connection
        } catch {
            let wait = state.withLock { s -> Double in
                s.connecting = false
                if let failure = error as? WireFailure, failure.code == .unknownModel { s.refusal = failure }
                s.nextAttempt = MonotonicClock.now() + s.backoff
                defer { s.backoff = min(runtime.options.maximumBackoff, s.backoff * 2) }
                return s.backoff
            }
            runtime.note("device: no edge at \(runtime.edge) (\(error)); device-only, retry in \(Int(wait * 1000)) ms")
            return nil
        }
    }

    /// The receiver thread of one connection: answers replies until the connection ends, then hands every
    /// request still waiting on it to the fallback.
    private func receive(_ connection: DeviceConnection, reader: FrameReader, generation: Int) {
        var reader = reader
        var reason = "the edge closed the connection"
        do {
            while let frame = try reader.next() {
                let arrival = MonotonicClock.now()
                if frame.type == .reply {
                    try received(frame, on: connection, arrival: arrival)
                    continue
                }
                reason =
                    frame.type == .error
                    ? ((try? frame.failure().description) ?? "error frame") : "unexpected \(frame.type)"
                break
            }
        } catch {
            reason = "\(error)"
        }
        connection.socket.close()
        let (orphans, finishing) = state.withLock { s -> ([(Int, Pending)], Bool) in
            if s.connection === connection {
                s.connection = nil
                s.nextAttempt = MonotonicClock.now() + s.backoff
                s.backoff = min(runtime.options.maximumBackoff, s.backoff * 2)
            }
            let mine = s.pending.filter { $0.value.generation == generation }
            for (index, _) in mine { s.pending[index] = nil }
            return (mine.sorted { $0.key < $1.key }, s.finishing)
        }
        if !finishing {
            let resumable = orphans.filter { _, p in
                plan.canResume(at: plan.segments[p.segment].steps.lowerBound, from: p.kept)
            }
            runtime.note(
                "device: lost the edge (\(reason)); \(orphans.count) request(s) fall back, \(resumable.count) of them "
                    + "finished from the state they sent")
        }
        for (index, pending) in orphans {
            fallBack(index, resuming: (pending.segment, pending.kept), account: pending.account, start: pending.start)
        }
    }
}
