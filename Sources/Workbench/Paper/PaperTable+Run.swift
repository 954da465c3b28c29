import CoInference
import Design
import Foundation
import GNN
import HDF5
import Search
import Systems
import Tensor

extension PaperTable {
    /// What a run reports while it works: a line per finished step, and a progress sink per long step.
    public struct Reporter {
        /// Prints one line (a step done, with what it found).
        public var line: (String) -> Void
        /// A progress sink for the step called by the argument (bar and ETA on a terminal).
        public var progress: (String) -> TensorProgress
        /// Checked between steps and passed down, so an interrupt stops the run.
        public var cancellation: Cancellation

        /// A reporter of the three parts.
        public init(
            line: @escaping (String) -> Void, progress: @escaping (String) -> TensorProgress = { _ in .silent },
            cancellation: Cancellation = .never
        ) {
            self.line = line
            self.progress = progress
            self.cancellation = cancellation
        }
    }

    /// Runs the whole table on `train` (training) and `test` (accuracies and the engine's requests):
    /// trains DGCNN and PointNet with every seed, measures each one's every split on every system and
    /// bandwidth, trains the supernet once, then per system loads or profiles the cost table, searches under
    /// the budget, retrains each found design from scratch with every seed and measures it. Everything measured
    /// runs in the engine (in-process edge on 127.0.0.1, virtual clock). Kernels use up to `threads` threads.
    public static func run(
        train: PointCloudSet, test: PointCloudSet, classNames: [String], settings: PaperTableSettings,
        threads: ThreadBudget, reporter: Reporter
    ) throws -> PaperTable {
        if let problem = settings.problem { throw PaperTableError(problem) }
        let space = settings.space
        guard train.pointsPerCloud == space.pointsPerCloud, test.pointsPerCloud == space.pointsPerCloud else {
            throw PaperTableError(
                "the data has \(train.pointsPerCloud) points per cloud, the space \(space.pointsPerCloud): "
                    + "make the data with points=\(space.pointsPerCloud) or give a space with points=\(train.pointsPerCloud)"
            )
        }
        let classes = max(train.classCount, test.classCount)
        guard classes == space.classes else {
            throw PaperTableError(
                "the data has \(classes) classes, the space \(space.classes): set classes= on the space")
        }
        guard train.count >= settings.batch else {
            throw PaperTableError(
                "the training set has \(train.count) clouds, fewer than one batch of \(settings.batch)")
        }
        let start = MonotonicClock.now()
        let samples = DeviceLaunch.samples(test, count: settings.requests + 1)
        var runner = Runner(
            train: train, test: test, classNames: classNames, settings: settings, threads: threads, reporter: reporter)

        let dgcnn = try runner.trainSeeds("DGCNN") { generator in
            ModelValue(
                .baseline(.dgcnn(DGCNN(DGCNN.Configuration(classes: classes, k: space.k), generator: &generator))),
                classNames: classNames)
        }
        let pointNet = try runner.trainSeeds("PointNet") { generator in
            ModelValue(
                .baseline(.pointNet(PointNet(PointNet.Configuration(classes: classes), generator: &generator))),
                classNames: classNames)
        }
        var supernet = try runner.trainSupernet()
        var rows: [PaperTableRow] = []
        var searches: [SearchRecord] = []
        for system in settings.systems {
            var baselineRows: [Double: [PaperTableRow]] = [:]
            for bandwidth in settings.bandwidths {
                try reporter.cancellation.check()
                let dg = try runner.splitRows(
                    dgcnn, kinds: (.dgcnnDeviceOnly, .dgcnnEdgeOnly, .dgcnnBestSplit), system: system,
                    bandwidth: bandwidth, samples: samples)
                let pn = try runner.splitRows(
                    pointNet, kinds: (.pointNetDeviceOnly, nil, .pointNetBestSplit), system: system,
                    bandwidth: bandwidth, samples: samples)
                // Every row's speed-up and energy reduction are against DGCNN device-only here.
                var both = dg + pn
                if let reference = dg.first(where: { $0.kind == .dgcnnDeviceOnly })?.measured {
                    for index in both.indices {
                        both[index].referenceLatency = reference.latency
                        both[index].referenceEnergy = reference.energy
                    }
                }
                baselineRows[bandwidth] = both
            }
            let deviceOnly = settings.bandwidths.compactMap {
                baselineRows[$0]?.first { $0.kind == .dgcnnDeviceOnly }?.measured.latency
            }
            let budgets = settings.budgets.map { budget -> Double in
                switch budget {
                case .seconds(let seconds): return seconds
                case .speedup(let factor): return (deviceOnly.min() ?? 0) / factor
                }
            }
            let (record, members) = try runner.search(system: system, budgets: budgets, supernet: &supernet)
            searches.append(record)
            for bandwidth in settings.bandwidths {
                rows += baselineRows[bandwidth] ?? []
                let reference = (baselineRows[bandwidth] ?? []).first { $0.kind == .dgcnnDeviceOnly }
                for member in members where member.bandwidthMbps == bandwidth {
                    let budget = member.target?.latencyBudgetSeconds ?? 0
                    let trained = try runner.retrain(member.architecture)
                    let measured = try runner.measureArchitecture(
                        trained.model, system: system, bandwidth: bandwidth, samples: samples)
                    rows.append(
                        PaperTableRow(
                            system: system.name, bandwidth: bandwidth, kind: .tandem,
                            placement: member.architecture.text,
                            accuracy: trained.accuracy, inheritedAccuracy: member.score.accuracy, measured: measured,
                            budget: budget, predictedLatency: member.cost.latencySeconds,
                            referenceLatency: reference?.measured.latency ?? 0,
                            referenceEnergy: reference?.measured.energy ?? 0))
                    reporter.line(
                        "\(system.name) @ \(Value.format(bandwidth)) Mbit/s: Tandem \(member.architecture.text): "
                            + SummaryText.duration(measured.latency) + " (budget " + SummaryText.duration(budget) + ")")
                }
            }
        }
        return PaperTable(
            settings: settings, rows: rows, searches: searches,
            data: (train.count, test.count, train.pointsPerCloud, classes), wallSeconds: MonotonicClock.now() - start)
    }
}

/// A problem with a headline-table run's settings or data, saying what to change.
public struct PaperTableError: Error, CustomStringConvertible {
    /// The sentence.
    public var description: String

    /// An error reading `description`.
    public init(_ description: String) { self.description = description }
}
