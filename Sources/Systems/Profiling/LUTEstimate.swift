import Design
import GNN

/// The lookup-table estimate of one architecture on a system at a bandwidth (SPEC.md §4), the baseline
/// every predictor must beat: the table's cost of every step on its side, plus the time the engine's real
/// frames (`FrameSize.frames`) take at the link bandwidth, plus one one-way delay per frame.
///
/// Energy follows the engine's accounting (`DeviceEnergy`): active power × device seconds, idle power ×
/// edge seconds (the device waits), send power × uplink seconds and receive power × downlink seconds (a
/// frame's transfer time plus its delay).
public struct LUTEstimate: Sendable, Hashable {
    /// Seconds of the device's ops.
    public var deviceSeconds: Double
    /// Seconds of the edge's ops.
    public var edgeSeconds: Double
    /// Seconds of frames device → edge (transfer + delay).
    public var uplinkSeconds: Double
    /// Seconds of frames edge → device (transfer + delay).
    public var downlinkSeconds: Double
    /// The bytes of each frame crossing the link, in order.
    public var frameBytes: [Int]
    /// Device joules.
    public var deviceJoules: Double

    /// End-to-end seconds: device + edge + uplink + downlink.
    public var latency: Double { deviceSeconds + edgeSeconds + uplinkSeconds + downlinkSeconds }

    /// The estimate of `mapping` from `table` over `link` (its constant bandwidth, Mbit/s, and delay); the
    /// device's powers are the table's system's. Throws when the table lacks a key the mapping needs.
    public init(mapping: Mapping, table: CostTable, link: LinkProfile) throws(ProfileError) {
        var device = 0.0
        var edge = 0.0
        var pooled = false
        for step in mapping.steps {
            if let key = CostKey(step.operation, inputWidth: step.inputWidth, pooled: pooled) {
                let seconds = try table.seconds(key, on: step.side)
                if step.side == .device { device += seconds } else { edge += seconds }
            }
            if case .pool = step.operation { pooled = true }
        }
        for layer in 0..<(mapping.head.widths.count - 1) {
            let seconds = try table.seconds(
                CostKey.head(widths: mapping.head.widths, layer: layer), on: mapping.head.side)
            if mapping.head.side == .device { device += seconds } else { edge += seconds }
        }
        var up = 0.0
        var down = 0.0
        var frames: [Int] = []
        for frame in FrameSize.frames(of: mapping) {
            frames.append(frame.bytes)
            let seconds = link.transmissionTime(bytes: frame.bytes) + link.delay
            if frame.from == .device { up += seconds } else { down += seconds }
        }
        deviceSeconds = device
        edgeSeconds = edge
        uplinkSeconds = up
        downlinkSeconds = down
        frameBytes = frames
        let energy = DeviceEnergy(
            power: table.system.device.power, compute: device, idle: edge, send: up, receive: down)
        deviceJoules = energy.total
    }
}
