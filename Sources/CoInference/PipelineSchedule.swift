/// The virtual clock's schedule of a run: each request is a chain of stages on four resources (device,
/// uplink, edge, downlink), each resource serves one stage at a time in request order, and at most `window`
/// requests are in flight (1 = sequential; 2 = the device starts t+1 while t is away).
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
        var free = [Double](repeating: 0, count: Resource.allCases.count)
        var finish: [Double] = []
        for (index, stages) in requests.enumerated() {
            var time = index >= window ? finish[index - window] : 0
            for stage in stages {
                time = max(time, free[stage.resource.rawValue]) + stage.seconds
                free[stage.resource.rawValue] = time
            }
            finish.append(time)
        }
        return finish
    }
}
