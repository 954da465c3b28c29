/// The virtual clock's schedule of a run: each request is a chain of stages on four resources (device,
/// uplink, edge, downlink); a resource serves one stage at a time; at most `window` requests are in flight
/// (1 = sequential; 2 = the device starts t+1 while t is away). Requests are placed in order, each stage in
/// the earliest gap of its resource after the request's previous stage (so t+1's first device stage may
/// run before t's last one, as it does on the wait clock).
struct PipelineSchedule {
    /// A resource a stage occupies.
    enum Resource: Int, CaseIterable { case device, uplink, edge, downlink }

    /// One stage: a resource for some seconds.
    struct Stage: Sendable, Equatable {
        var resource: Resource
        var seconds: Double
    }

    /// The finish time of each request (seconds from the start) for `requests` in order.
    static func finishTimes(_ requests: [[Stage]], window: Int) -> [Double] {
        var busy = [[(start: Double, end: Double)]](repeating: [], count: Resource.allCases.count)
        var finish: [Double] = []
        for (index, stages) in requests.enumerated() {
            var time = index >= window ? finish[index - window] : 0
            for stage in stages {
                let start = earliestGap(in: busy[stage.resource.rawValue], from: time, length: stage.seconds)
                time = start + stage.seconds
                busy[stage.resource.rawValue].append((start, time))
                busy[stage.resource.rawValue].sort { $0.start < $1.start }
            }
            finish.append(time)
        }
        return finish
    }

    /// The earliest start ≥ `from` at which `length` seconds fit between the sorted busy intervals.
    private static func earliestGap(in intervals: [(start: Double, end: Double)], from: Double, length: Double)
        -> Double
    {
        var start = from
        for interval in intervals where interval.end > start {
            if interval.start >= start + length { break }
            start = max(start, interval.end)
        }
        return start
    }
}
