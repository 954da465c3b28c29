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
    // Window 2 by hand (first come first served per resource): r0 device 0–1, r1 device 1–2; r0 uplink
    // 1–1.5, edge 1.5–2.5; r1 uplink 2–2.5; r0 downlink 2.5–3; r1 edge 2.5–3.5; r0 device 3–3.1 (done, r2 may
    // start); r2 device 3.1–4.1; r1 downlink 3.5–4, device 4.1–4.2 (done); r2 uplink 4.1–4.6, edge 4.6–5.6,
    // downlink 5.6–6.1, device 6.1–6.2.
    let pipelined = PipelineSchedule.finishTimes([stages, stages, stages], window: 2)
    #expect(pipelined.map { ($0 * 10).rounded() / 10 } == [3.1, 4.2, 6.2])
}

@Test func pipelineScheduleRunsALongDeviceStageBeforeAShortOneThatBecomesReadyLater() {
    // Device 4 s then a 1 s edge and a 0.1 s device tail: request 1's device stage (ready at 0, the device is
    // free at 4) runs 4–8, before request 0's tail (ready at 5), which waits until 8; request 1's edge runs
    // 8–9 and its tail 9–9.1.
    let stages: [PipelineSchedule.Stage] = [
        .init(resource: .device, seconds: 4), .init(resource: .edge, seconds: 1),
        .init(resource: .device, seconds: 0.1),
    ]
    let finish = PipelineSchedule.finishTimes([stages, stages], window: 2)
    #expect(finish.map { ($0 * 10).rounded() / 10 } == [8.1, 9.1])
    #expect(PipelineSchedule.finishTimes([[], stages], window: 1).map { ($0 * 10).rounded() / 10 } == [0, 5.1])
}
