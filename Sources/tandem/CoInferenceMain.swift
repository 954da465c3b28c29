import CoInference
import Dispatch
import Foundation
import Systems

/// `tandem edge` and `tandem device`: argument words to the CoInference launchers, signals, exit status.
enum CoInferenceMain {
    /// Writes one line to standard error (the log sink of both commands).
    static let log: @Sendable (String) -> Void = { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }

    /// Runs `tandem edge …`: serves until SIGTERM or SIGINT, then drains and returns 0.
    static func edge(_ arguments: [String]) -> Int32 {
        if arguments.contains("-h") || arguments.contains("--help") {
            print(EdgeLaunch.usage)
            return 0
        }
        let launch: EdgeLaunch
        let server: EdgeServer
        do {
            launch = try EdgeLaunch(arguments: arguments)
            server = try EdgeServer(launch.configuration, log: log)
        } catch {
            log("\(error)\n\(EdgeLaunch.usage)")
            return 64
        }
        if let cpu = launch.cpu {
            log(CPUAffinity.pin(to: [cpu]) ? "edge: pinned to CPU \(cpu)" : "edge: could not pin")
        }
        var sources: [DispatchSourceSignal] = []
        for number in [SIGTERM, SIGINT] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                log("edge: signal \(number): draining")
                server.stop(drain: true)
            }
            source.resume()
            sources.append(source)
        }
        server.start()
        server.wait()
        log("edge: stopped after \(server.served) \(server.served == 1 ? "request" : "requests")")
        _ = sources
        return 0
    }

    /// Runs `tandem device …`: the requests, one line each, and the summary.
    static func device(_ arguments: [String]) -> Int32 {
        if arguments.contains("-h") || arguments.contains("--help") {
            print(DeviceLaunch.usage)
            return 0
        }
        let launch: DeviceLaunch
        do {
            launch = try DeviceLaunch(arguments: arguments, log: log)
        } catch {
            log("\(error)\n\(DeviceLaunch.usage)")
            return 64
        }
        if let cpu = launch.cpu { _ = CPUAffinity.pin(to: [cpu]) }
        do {
            let summary = try launch.runtime.run(launch.samples)
            if !launch.quiet { for report in summary.reports { print(SummaryText.line(report)) } }
            for line in SummaryText.summary(summary, system: launch.system) { print(line) }
            return 0
        } catch {
            log("tandem device: \(error)")
            return 1
        }
    }
}
