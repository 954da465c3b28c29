import CoInference
import Design
import Foundation
import GNN
import HDF5
import Search
import Systems
import Tensor

/// A model trained with every seed of a run: the accuracies, and the first seed's model (the one measured).
struct TrainedSeeds {
    /// Test accuracy per seed.
    var accuracy: AccuracyStats
    /// The model trained with the first seed.
    var model: ModelValue
}

/// The steps of `PaperTable.run`, sharing its data, settings and reporter.
struct Runner {
    /// Training clouds.
    let train: PointCloudSet
    /// Test clouds (accuracies and engine requests).
    let test: PointCloudSet
    /// Class names of the data.
    let classNames: [String]
    /// The run's settings.
    let settings: PaperTableSettings
    /// Kernel threads.
    let threads: ThreadBudget
    /// Lines, progress, cancellation.
    let reporter: PaperTable.Reporter
    /// Designs already retrained, by architecture text.
    var retrained: [String: TrainedSeeds] = [:]

    /// The training clouds split for the search: the supernet trains on `kept`, candidates are scored on
    /// `heldOut` (a stratified share, `settings.validationFraction`, drawn with the run's seed); the baselines
    /// and the retrained designs train on all of `train`, and every reported accuracy is on `test`.
    var searchSplit: (kept: PointCloudSet, heldOut: PointCloudSet) {
        train.holdingOut(fraction: settings.validationFraction, seed: settings.seed)
    }

    /// Trains a fresh model from `make` (given a generator seeded with the seed) once per seed, on the same
    /// budget, and evaluates each on the test split.
    func trainSeeds(_ label: String, make: (inout SeededGenerator) throws -> ModelValue) throws -> TrainedSeeds {
        var accuracies: [Double] = []
        var first: ModelValue?
        for seed in settings.trainingSeeds {
            try reporter.cancellation.check()
            var generator = SeededGenerator(seed: seed)
            var model = try make(&generator)
            model.points = train.pointsPerCloud
            let options = TrainingOptions(
                epochs: settings.epochs, batchSize: settings.batch,
                optimizer: .adam(learningRate: Float(settings.learningRate), weightDecay: 1e-4),
                minimumLearningRate: Float(settings.learningRate / 100), seed: seed, threads: threads)
            let clock = MonotonicClock.now()
            _ = try model.train(
                on: train, options: options, progress: reporter.progress("train \(label) seed \(seed)"),
                cancellation: reporter.cancellation)
            let result = try model.evaluate(
                on: test, threads: threads, progress: .silent, cancellation: reporter.cancellation)
            accuracies.append(result.overallAccuracy)
            reporter.line(
                "\(label) seed \(seed): test " + NumberFormat.fixed(result.overallAccuracy * 100, 1) + "% after "
                    + "\(settings.epochs) epochs in " + SummaryText.duration(MonotonicClock.now() - clock))
            if first == nil { first = model }
        }
        guard let first else { throw PaperTableError("no training seed (seeds=\(settings.seeds))") }
        return TrainedSeeds(accuracy: AccuracyStats(accuracies), model: first)
    }

    /// A supernet of the space trained for the settings' supernet epochs (seeded by the run's seed).
    func trainSupernet() throws -> Supernet {
        let training = TrainingOptions(
            epochs: settings.supernetEpochs, batchSize: settings.batch,
            optimizer: .adam(learningRate: Float(settings.learningRate), weightDecay: 1e-4),
            minimumLearningRate: Float(settings.learningRate / 100), seed: settings.seed)
        var supernet = try Supernet(space: settings.space, options: SupernetOptions(training: training))
        let clock = MonotonicClock.now()
        let reports = try supernet.train(
            on: searchSplit.kept, threads: threads, progress: reporter.progress("supernet"),
            cancellation: reporter.cancellation)
        reporter.line(
            "supernet: \(settings.supernetEpochs) epochs, last loss "
                + NumberFormat.fixed(reports.last?.loss ?? 0, 3) + " in "
                + SummaryText.duration(MonotonicClock.now() - clock))
        return supernet
    }

    /// Runs every split point of a baseline on `system` at `bandwidth` and returns its device-only row, its
    /// edge-only row (when `kinds.1` is given) and its best split (lowest median latency) row, each with the
    /// baseline's own device-only run as the reference (the caller sets DGCNN's).
    func splitRows(
        _ trained: TrainedSeeds, kinds: (PaperTableRow.Kind, PaperTableRow.Kind?, PaperTableRow.Kind),
        system: System, bandwidth: Double, samples: [DeviceRuntime.Sample]
    ) throws -> [PaperTableRow] {
        let model = CoinferCommand.deployableModel(trained.model, points: test.pointsPerCloud)
        var linked = system
        linked.link.megabitsPerSecond = bandwidth
        linked.link.schedule = []
        let server = try EdgeServer(EdgeServer.Configuration(models: [model], edge: system.edge), log: { _ in })
        server.start()
        defer {
            server.stop(drain: false)
            server.wait()
        }
        let search = try SplitSearch.run(
            model, edge: server.endpoint, options: DeviceOptions(system: linked, clock: .virtual), samples: samples,
            log: { _ in })
        let measured = search.rows.map { (split: $0.split, medians: EngineMedians($0.summary.reports)) }
        if search.rows.contains(where: { $0.summary.fallbacks > 0 }) {
            throw PaperTableError("\(model.name) on \(system.name): the edge did not answer (a request fell back)")
        }
        guard let deviceOnly = measured.first(where: { $0.split == search.layers }),
            let edgeOnly = measured.first(where: { $0.split == 0 }),
            let best = measured.min(by: { a, b in
                a.medians.latency != b.medians.latency ? a.medians.latency < b.medians.latency : a.split < b.split
            })
        else { throw PaperTableError("\(model.name): no split point was measured") }
        func row(_ kind: PaperTableRow.Kind, _ chosen: (split: Int, medians: EngineMedians)) -> PaperTableRow {
            PaperTableRow(
                system: system.name, bandwidth: bandwidth, kind: kind,
                placement: "split \(chosen.split) of \(search.layers) (\(search.placement(chosen.split)))",
                accuracy: trained.accuracy, inheritedAccuracy: nil, measured: chosen.medians, budget: nil,
                predictedLatency: nil, referenceLatency: deviceOnly.medians.latency,
                referenceEnergy: deviceOnly.medians.energy)
        }
        var rows = [row(kinds.0, deviceOnly)]
        if let edgeKind = kinds.1 { rows.append(row(edgeKind, edgeOnly)) }
        rows.append(row(kinds.2, best))
        reporter.line(
            "\(system.name) @ \(Value.format(bandwidth)) Mbit/s: \(model.name) device-only "
                + SummaryText.duration(deviceOnly.medians.latency) + ", edge-only "
                + SummaryText.duration(edgeOnly.medians.latency) + ", best split \(best.split) "
                + SummaryText.duration(best.medians.latency))
        return rows
    }

    /// The system's cost table (loaded from its file when that exists, else profiled and saved there), then
    /// the search under every budget at every bandwidth, timed generation by generation; returns the record and
    /// each target's best member.
    func search(system: System, budgets: [Double], supernet: inout Supernet) throws -> (
        PaperTable.SearchRecord, [ZooMember]
    ) {
        let (table, source) = try costTable(system)
        let targets = budgets.flatMap { budget in
            SearchTarget.grid(
                latencyBudgetSeconds: budget, energyBudgetJoules: nil, bandwidthsMbps: settings.bandwidths)
        }
        let options = SearchOptions(
            samples: settings.samples, generations: settings.generations, children: settings.children,
            strategy: .evolutionary, seed: settings.seed)
        var state = try SearchState(space: settings.space, targets: targets, options: options)
        let cost = LUTCost(table: table)
        let split = searchSplit
        var accuracy = SupernetAccuracy(
            supernet: supernet, validation: split.heldOut, calibration: split.kept, threads: threads)
        defer { supernet = accuracy.supernet }
        let progress = reporter.progress("search \(system.name)")
        let start = MonotonicClock.now()
        var generationEnds: [(candidates: Int, seconds: Double)] = []
        while !state.isFinished {
            try state.runGeneration(
                cost: cost, accuracy: &accuracy, progress: progress, cancellation: reporter.cancellation)
            generationEnds.append((state.counters.candidates, MonotonicClock.now() - start))
        }
        let wall = MonotonicClock.now() - start
        let lastBest = state.outcomes.compactMap { $0.bestFoundAt?.candidates }.max() ?? 0
        let toBest = generationEnds.first { $0.candidates >= lastBest }?.seconds ?? wall
        let zoo = Zoo(state, costModel: cost.name, accuracyModel: accuracy.name)
        let members = zoo.members.filter { $0.target != nil }
        let unmet = targets.filter { t in !members.contains { $0.target == t } }.map {
            SummaryText.duration($0.latencyBudgetSeconds) + " @ " + Value.format($0.bandwidthMbps) + " Mbit/s"
        }
        reporter.line(
            "search on \(system.name): budgets " + budgets.map { SummaryText.duration($0) }.joined(separator: ", ")
                + ", \(state.counters.candidates) "
                + "candidates in " + SummaryText.duration(wall) + ", "
                + members.map { "\(Value.format($0.bandwidthMbps)) Mbit/s \($0.architecture.text)" }.joined(
                    separator: "; "))
        let record = PaperTable.SearchRecord(
            system: system.name, budgets: budgets, costTable: source, wallSeconds: wall, secondsToBest: toBest,
            candidates: state.counters.candidates, survivors: state.outcomes.map(\.survivors), unmet: unmet)
        return (record, members)
    }

    /// The cost table of `system` on the space and where it came from.
    func costTable(_ system: System) throws -> (CostTable, String) {
        let space = settings.space
        let path = settings.profileFiles[system.name]
        if let path, FileManager.default.fileExists(atPath: path) {
            let table = try CostTable.load(path)
            guard table.isProfiled(on: system, in: space) else {
                throw PaperTableError(
                    "\(path) holds a table of \(table.system.name) on space '\(table.spaceName)' (P \(table.points), "
                        + "k \(table.k)), not \(system.name) on '\(space.name)': delete it or give another file")
            }
            reporter.line("cost table of \(system.name): loaded (\(table.summary))")
            return (table, "loaded from a file (\(table.conditions.repeats) repeats)")
        }
        let profiler = Profiler(
            system: system, space: space, repeats: settings.profileRepeats, warmup: 1, seed: settings.seed)
        let start = MonotonicClock.now()
        let table = try profiler.run(
            progress: reporter.progress("profile \(system.name)"), cancellation: reporter.cancellation)
        let seconds = MonotonicClock.now() - start
        if let path {
            try AtomicFile.createParentDirectory(of: path)
            try table.save(to: path)
        }
        reporter.line("cost table of \(system.name): profiled in " + SummaryText.duration(seconds))
        return (table, "profiled in " + SummaryText.duration(seconds) + " (\(settings.profileRepeats) repeats)")
    }

    /// `architecture` trained from scratch with every seed (once per architecture in a run).
    mutating func retrain(_ architecture: Architecture) throws -> TrainedSeeds {
        if let known = retrained[architecture.text] { return known }
        let space = settings.space
        let trained = try trainSeeds("Tandem \(architecture.text)") { generator in
            ModelValue(
                .architecture(try ArchitectureModel(architecture, space: space, generator: &generator)),
                classNames: classNames)
        }
        retrained[architecture.text] = trained
        return trained
    }

    /// A trained architecture model run in the engine on `system` at `bandwidth` (split at its communicates).
    func measureArchitecture(
        _ model: ModelValue, system: System, bandwidth: Double, samples: [DeviceRuntime.Sample]
    ) throws -> EngineMedians {
        let deployable = CoinferCommand.deployableModel(model, points: test.pointsPerCloud)
        var linked = system
        linked.link.megabitsPerSecond = bandwidth
        linked.link.schedule = []
        let server = try EdgeServer(EdgeServer.Configuration(models: [deployable], edge: system.edge), log: { _ in })
        server.start()
        defer {
            server.stop(drain: false)
            server.wait()
        }
        let runtime = DeviceRuntime(
            plan: try deployable.plan(split: nil), split: nil, edge: server.endpoint,
            options: DeviceOptions(system: linked, clock: .virtual), log: { _ in })
        let summary = try runtime.run(samples)
        if summary.fallbacks > 0 {
            throw PaperTableError("\(deployable.name) on \(system.name): the edge did not answer (a request fell back)")
        }
        return EngineMedians(summary.reports)
    }
}
