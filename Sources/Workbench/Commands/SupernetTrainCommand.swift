import Design
import Foundation
import GNN
import Tensor

/// `supernet train SN on DATA [epochs=N] [checkpoint=PATH] [resume=PATH]`: single-path training.
struct SupernetTrainCommand: Command {
    static let spec = CommandSpec(
        name: "supernet train", group: .design, summary: "Train a supernet, one sampled architecture per step",
        arguments: [
            .positional("supernet", .name, "the supernet (replaced by the checkpoint with resume=)"),
            ArgumentSpec("on", .marked("on"), .name, .required, "the data: splits (trains on train) or clouds"),
            .key("epochs", .integer, .optional, "train until this many epochs are complete (its planned epochs)"),
            .key("checkpoint", .path, .optional, "write the whole supernet here after every epoch"),
            .key("resume", .path, .optional, "first load the supernet from this checkpoint"),
            .key(
                "schedule", .integer, .optional,
                "epochs the learning rate anneals over (default: the planned epochs, or epochs= when larger)"),
        ],
        examples: [
            "supernet train sn on shapes epochs=2", "supernet train sn on shapes checkpoint=out/sn.h5",
            "supernet train sn on shapes resume=out/sn.h5",
        ],
        records: true,
        details: """
            Prints a line per epoch: mean loss, accuracy on the training batches, seconds. A checkpoint holds the
            weights, optimiser state and random stream, so resuming continues exactly as an uninterrupted run.
            Asking for more epochs than planned stretches the schedule to them. Ctrl-C stops at the next step;
            the supernet keeps its completed epochs, and the command is recorded with epochs= set to them (and
            schedule= to the schedule it used), so `save` replays exactly what happened.
            """)

    static func run(_ call: Invocation, in shell: Shell) throws {
        let session = shell.session
        let name = call.text("supernet") ?? ""
        var value = try session.value(name, as: SupernetValue.self, for: call, argument: "supernet")
        let data = try TrainingData.resolve(call, argument: "on", in: session)
        if let resume = call.text("resume") {
            value = SupernetValue(try Supernet.load(session.resolvePath(resume)), classNames: value.classNames)
            shell.console.print("\(name): resumed at epoch \(value.supernet.epoch) from \(resume)")
        }
        let target = call["epochs"]?.integerValue ?? value.supernet.options.training.epochs
        guard target > value.supernet.epoch else {
            shell.console.print("\(name): already trained \(value.supernet.epoch) epochs (epochs=\(target))")
            session.define(name, value)
            return
        }
        let schedule = call["schedule"]?.integerValue ?? max(target, value.supernet.options.training.epochs)
        guard schedule >= 1 else { throw call.error("schedule=\(schedule): at least 1 epoch", at: "schedule") }
        if schedule != value.supernet.options.training.epochs { value.supernet.plan(epochs: schedule) }
        let started = value.supernet.epoch
        let checkpoint = call.text("checkpoint").map(session.resolvePath)
        if let checkpoint { try AtomicFile.createParentDirectory(of: checkpoint) }
        if value.classNames.isEmpty { value.classNames = data.classNames }
        let progress = shell.progress("supernet \(name)")
        let clock = ContinuousClock()
        let start = clock.now
        defer { session.define(name, value) }
        while value.supernet.epoch < target {
            let completed = value
            let reports: [EpochReport]
            do {
                reports = try value.supernet.train(
                    on: data.train, epochs: value.supernet.epoch + 1, checkpoint: checkpoint, threads: shell.threads,
                    progress: progress, cancellation: shell.cancellation)
            } catch let error as CancellationError {
                value = completed
                shell.console.print("\(name): stopped; it keeps its \(value.supernet.epoch) completed epochs")
                guard value.supernet.epoch > started else { throw error }
                var recorded = call
                recorded.arguments["epochs"] = .integer(value.supernet.epoch)
                recorded.arguments["schedule"] = .integer(schedule)
                throw PartialRun(underlying: error, recorded: recorded)
            } catch let diverged as TrainingDiverged {
                value = completed
                let rate = Double(value.supernet.options.training.optimizer.learningRate)
                throw call.error(
                    diverged.description.replacingOccurrences(of: "last finite step", with: "last completed epoch")
                        + " (it keeps its \(value.supernet.epoch) completed epochs; make a new supernet with "
                        + TrainCommand.smallerRateHint(rate) + ")", at: "supernet")
            }
            for report in reports {
                var line =
                    "epoch \(report.epoch)/\(target)  loss " + NumberFormat.fixed(report.loss, 3) + "  train "
                    + NumberFormat.fixed(report.trainAccuracy * 100, 1) + "%  " + NumberFormat.fixed(report.seconds, 2)
                    + "s"
                if shell.console.showsProgress,
                    let eta = TrainCommand.eta(
                        since: start, now: clock.now, done: report.epoch - started, of: target - started)
                {
                    line += "  ETA " + eta
                }
                shell.console.print(line)
            }
        }
    }
}
