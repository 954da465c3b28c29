import Dispatch
import Foundation
import GNN
import Synchronization
import Systems
import Tensor

/// The device side of co-inference: runs the device segments of a plan with the device's dilation, sends
/// each crossing through the shaped link, lets the edge run its segments, and finishes; falls back to the
/// device-only plan when the edge is unreachable or dies, and reconnects with backoff.
///
/// Every request is answered exactly once (its id is the sample index; whoever removes a request from the
/// pending table answers it). With `pipeline`, up to `options.depth` requests are in flight.
public final class DeviceRuntime: Sendable {
    /// The plan run (its device segments here, its edge segments on the edge).
    public let plan: ExecutionPlan
    /// The split announced at hello.
    public let split: Int?
    /// The edge's address.
    public let edge: Endpoint
    /// How to run.
    public let options: DeviceOptions
    private let fallbackPlan: ExecutionPlan
    private let log: @Sendable (String) -> Void

    /// A runtime for `plan` (compiled with `split`) talking to `edge`; `log` gets one line per connection
    /// event and per fallback.
    public init(
        plan: ExecutionPlan, split: Int?, edge: Endpoint, options: DeviceOptions,
        log: @escaping @Sendable (String) -> Void
    ) {
        self.plan = plan
        self.split = split
        self.edge = edge
        self.options = options
        self.fallbackPlan = plan.onDevice()
        self.log = log
    }

    /// One input: points [P, 3] and the label when known.
    public struct Sample: Sendable {
        /// Points [P, 3].
        public var points: Tensor
        /// The true class.
        public var label: Int?
        /// A sample.
        public init(points: Tensor, label: Int?) {
            self.points = points
            self.label = label
        }
    }

    /// Runs every sample and returns the reports. Throws only when the edge refuses the model at the first
    /// hello (a configuration error: the two sides do not hold the same model); an edge that is unreachable
    /// or dies is handled by the fallback.
    public func run(_ samples: [Sample]) throws -> CoInferenceSummary {
        let run = DeviceRun(runtime: self, samples: samples)
        return try run.execute()
    }

    // MARK: - Internals used by DeviceRun

    var hello: Hello { Hello(identity: plan.identity, split: split) }
    var deviceDilation: Dilation { Dilation(processor: options.system.device, clock: options.clock) }
    var deviceThreads: ThreadBudget { ThreadBudget(threads: options.system.device.threads) }
    var flags: UInt16 {
        (options.clock == .wait ? WireFormat.waitClockFlag : 0) | (options.float16 ? WireFormat.float16Flag : 0)
    }
    func note(_ line: String) { log(line) }
    var fallback: ExecutionPlan { fallbackPlan }
}
