/// The virtual clock's schedule of a run: each request is a chain of stages on four resources (device,
/// uplink, edge, downlink); a resource serves one stage at a time, first come first served, without
/// preemption; request j may start when request j − `window` has finished (1 = sequential; 2 = the device
/// starts t+1 while t is away). An event-driven simulation: the stage that becomes ready first is placed
/// first (ties go to the earlier request).
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
        let count = requests.count
        let window = max(1, window)
        var free = [Double](repeating: 0, count: Resource.allCases.count)
        var next = [Int](repeating: 0, count: count)
        var ready = [Double?](repeating: nil, count: count)
        var finish = [Double](repeating: 0, count: count)
        for i in 0..<min(window, count) { ready[i] = 0 }
        var remaining = count
        while remaining > 0 {
            var chosen: Int?
            for i in 0..<count {
                guard let time = ready[i] else { continue }
                if let c = chosen, let best = ready[c], best <= time { continue }
                chosen = i
            }
            guard let i = chosen, let time = ready[i] else { break }
            if next[i] < requests[i].count {
                let stage = requests[i][next[i]]
                let end = max(time, free[stage.resource.rawValue]) + stage.seconds
                free[stage.resource.rawValue] = end
                ready[i] = end
                next[i] += 1
            }
            guard next[i] == requests[i].count, let end = ready[i] else { continue }
            finish[i] = end
            ready[i] = nil
            remaining -= 1
            if i + window < count { ready[i + window] = end }
        }
        return finish
    }
}
