import Foundation
import Testing

@Suite struct ZooCLITests {
    @Test func edgeServesAZooAndADeviceRunsOneMemberAndDispatchesAcrossIt() throws {
        let directory = Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let setup = try Binary.run(
            ["-c", Binary.tinyZooScript(bandwidths: "10,100")], directory: directory)
        try #require(setup.status == 0, "\(setup.stdout)\n\(setup.stderr)")

        let (edge, log, started, port) = try Binary.startEdge(["z.h5"], directory: directory)
        defer { if edge.isRunning { edge.terminate() } }
        try #require(!port.isEmpty, "edge log: \(started)")
        let base = ["device", "--edge", "127.0.0.1:\(port)", "--model", "z.h5", "--data", "d.h5/test", "--cpu", "none"]

        // Without --member the error names the members.
        let missing = try Binary.run(base, directory: directory)
        #expect(missing.status == 64)
        let listed = try #require(missing.stderr.range(of: "give --member NAME (one of "), "\(missing.stderr)")
        let names = missing.stderr[listed.upperBound...].prefix { $0 != ")" }.components(separatedBy: ", ")
        let member = try #require(names.first.map { String($0) }, "\(missing.stderr)")

        let one = try Binary.run(base + ["--member", member, "--n", "2"], directory: directory)
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout.contains("fallbacks 0"), "\(one.stdout)")
        let requests = one.stdout.split(separator: "\n").filter { $0.hasPrefix("#") }
        #expect(requests.count == 2)
        #expect(requests.allSatisfy { !$0.contains(" 0 B up") }, "a DE or E member sends to the edge: \(one.stdout)")

        let dispatched = try Binary.run(base + ["--dispatch", "--budget", "10s", "--n", "3"], directory: directory)
        #expect(dispatched.status == 0, "\(dispatched.stderr)")
        let lines = dispatched.stdout.split(separator: "\n")
        // Every member plus the fallback (no member of a DE,E space runs on the device alone).
        let members = lines.filter { $0.hasPrefix("member ") }
        #expect(members.count == names.count + 1, "\(dispatched.stdout)")
        #expect(members.filter { $0.contains(" device-only: ") && $0.contains(" 0 B per request") }.count == 1)
        #expect(lines.filter { $0.hasPrefix("#") }.count == 3, "\(dispatched.stdout)")
        #expect(dispatched.stdout.contains("dispatch on pi-i7, virtual clock: 3 requests"), "\(dispatched.stdout)")
        #expect(dispatched.stdout.contains("fallbacks 0"), "\(dispatched.stdout)")

        edge.terminate()  // SIGTERM
        edge.waitUntilExit()
        let text = started + String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(edge.terminationStatus == 0)
        #expect(text.contains("draining"), "\(text)")
    }
}
