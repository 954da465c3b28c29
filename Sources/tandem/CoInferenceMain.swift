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
            switch launch.work {
            case .single(let runtime):
                let summary = try runtime.run(launch.samples)
                if !launch.quiet { for report in summary.reports { print(SummaryText.line(report)) } }
                for line in SummaryText.summary(summary, system: launch.system) { print(line) }
                if let path = launch.logitsPath { try LogitsFile.write(summary.reports, to: path) }
            case .dispatch(let deployment, let budget):
                try dispatch(deployment, budget: budget, launch: launch)
            case .bestSplit(let model):
                let search = try SplitSearch.run(
                    model, edge: launch.edge, options: launch.options, samples: launch.samples, log: log)
                for line in SummaryText.splitSearch(search, model: model.name, options: launch.options) { print(line) }
            }
            return 0
        } catch {
            log("tandem device: \(error)")
            return 1
        }
    }

    /// `tandem device --model ZOO.h5 --dispatch --budget T`: calibrates the zoo's members on the first 4
    /// clouds, prints the table, then one line per request with the member chosen, and the summary.
    static func dispatch(_ deployment: ZooDeployment, budget: Double, launch: DeviceLaunch) throws {
        let table = try MemberTable.calibrated(
            deployment, edge: launch.edge, options: launch.options, samples: Array(launch.samples.prefix(4)), log: log)
        let link = launch.options.system.link
        for m in table.members {
            print(
                "member \(m.name): accuracy \(SummaryText.percent(m.accuracy)), device "
                    + "\(SummaryText.duration(m.latency.device)), edge \(SummaryText.duration(m.latency.edge)), "
                    + "\(SummaryText.bytes(m.latency.bytes)) per request, predicted "
                    + SummaryText.duration(
                        m.latency.seconds(megabitsPerSecond: link.megabitsPerSecond, delay: link.delay))
                    + " at \(SummaryText.formatNumber(link.megabitsPerSecond)) Mbit/s")
        }
        let runtime = DispatchedRuntime(
            table: table, edge: launch.edge, options: launch.options, budget: budget, log: log)
        let run = try runtime.run(launch.samples)
        if !launch.quiet {
            for r in run.reports {
                print(
                    SummaryText.line(r.request) + " [\(r.name), \(r.reason.rawValue), estimate "
                        + (r.estimate.map {
                            SummaryText.formatNumber(($0.megabitsPerSecond * 10).rounded() / 10) + " Mbit/s"
                        }
                            ?? "none") + "]")
            }
        }
        let answered = run.reports.filter { $0.request.label != nil }
        let correct = answered.filter { $0.request.prediction == $0.request.label }.count
        print(
            "dispatch on \(launch.system.name), \(launch.options.clock.rawValue) clock: \(run.reports.count) requests, "
                + "\(run.switches) switch\(run.switches == 1 ? "" : "es"), \(run.misses) over the "
                + "\(SummaryText.duration(budget)) budget, fallbacks \(run.fallbacks)"
                + (answered.isEmpty
                    ? "" : ", accuracy \(SummaryText.percent(Double(correct) / Double(answered.count)))"))
    }
}
