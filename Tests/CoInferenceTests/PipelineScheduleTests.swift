import Testing

@testable import CoInference

@Test func pipelineScheduleOverlapsTheDeviceOfTheNextRequestWithTheEdgeOfThisOne() {
    // Device 1 s, uplink 0.5 s, edge 1 s, downlink 0.5 s, device 0.1 s; three requests.
    let stages: [PipelineSchedule.Stage] = [
        .init(resource: .device, seconds: 1), .init(resource: .uplink, seconds: 0.5),
        .init(resource: .edge, seconds: 1), .init(resource: .downlink, seconds: 0.5),
        .init(resource: .device, seconds: 0.1),
    ]
    let sequential = PipelineSchedule.finishTimes([stages, stages, stages], window: 1)
    #expect(sequential.map { ($0 * 10).rounded() / 10 } == [3.1, 6.2, 9.3])
    // Window 2 by hand: request 0 ends at 3.1; request 1's device runs 1–2, uplink 2–2.5, edge 2.5–3.5,
    // downlink 3.5–4, device 4–4.1; request 2 may start at 3.1 (request 0 done): device 3.1–4 fits before
    // request 1's tail? No: 0.9 s < 1 s, so 4.1–5.1, uplink 5.1–5.6, edge 5.6–6.6, downlink 6.6–7.1, device 7.1–7.2.
    let pipelined = PipelineSchedule.finishTimes([stages, stages, stages], window: 2)
    #expect(pipelined.map { ($0 * 10).rounded() / 10 } == [3.1, 4.1, 7.2])
}
