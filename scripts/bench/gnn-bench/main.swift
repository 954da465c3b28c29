import Foundation
import GNN
import HDF5
import Tensor

// gnn-bench: the Tandem side of scripts/bench/gnn. Prints one `key=value` line per measurement.
//   gnn-bench infer MODEL.h5 --batch B --points N --repeat R --threads T
//   gnn-bench train dgcnn|path --batch B --points N --steps S --threads T
//   gnn-bench accuracy dgcnn|pointnet --epochs E --train-per-class A --test-per-class B --points N --threads T

func option(_ name: String, _ fallback: Int) -> Int {
    let args = CommandLine.arguments
    guard let i = args.firstIndex(of: "--" + name), i + 1 < args.count, let v = Int(args[i + 1]) else {
        return fallback
    }
    return v
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// CPU seconds used by the whole process so far (all threads).
func processCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func median(_ values: [Double]) -> Double {
    let s = values.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

func randomPoints(batch: Int, nodes: Int, seed: UInt64) -> Tensor {
    var g = SeededGenerator(seed: seed)
    return Tensor(shape: [batch * nodes, 3], scalars: (0..<(batch * nodes * 3)).map { _ in 2 * g.nextUniform() - 1 })
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("gnn-bench: " + message + "\n").utf8))
    exit(64)
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else { fail("usage: gnn-bench infer|train|accuracy ARG [options]") }
let threads = ThreadBudget(threads: option("threads", 2))

switch arguments[1] {
case "infer":
    let batch = option("batch", 1)
    let nodes = option("points", 1024)
    let repeats = option("repeat", 20)
    let model: BaselineModel
    do { model = try ModelFile.load(arguments[2]).model } catch { fail("\(error)") }
    let points = randomPoints(batch: batch, nodes: nodes, seed: 1)
    _ = model.logits(points, batch: batch, nodes: nodes, threads: threads)
    var times = [Double]()
    var cpu = [Double]()
    for _ in 0..<repeats {
        let before = processCPUSeconds()
        times.append(seconds { _ = model.logits(points, batch: batch, nodes: nodes, threads: threads) })
        cpu.append(processCPUSeconds() - before)
    }
    print(
        "tandem_infer batch=\(batch) points=\(nodes) threads=\(threads.threads) median_ms=\(median(times) * 1000) "
            + "min_ms=\((times.min() ?? 0) * 1000) median_cpu_ms=\(median(cpu) * 1000)")

case "train":
    let batch = option("batch", 16)
    let nodes = option("points", 1024)
    let steps = option("steps", 5)
    var generator = SeededGenerator(seed: 2)
    let points = randomPoints(batch: batch, nodes: nodes, seed: 3)
    let labels = (0..<batch).map { Int32($0 % 13) }
    var optimizer = SGD()
    func measure<M: PointCloudClassifier>(_ model: inout M) -> [Double] {
        (0...steps).map { _ in
            seconds {
                let (logits, tape) = model.forward(
                    points, batch: batch, nodes: nodes, training: true, generator: &generator, threads: threads)
                let (_, d) = CrossEntropy.lossAndGradient(logits: logits, labels: labels, smoothing: 0.2)
                let g = model.backward(d, tape: tape, threads: threads)
                optimizer.step(&model.store, gradients: g, learningRate: 0.01)
            }
        }.dropFirst().map { $0 }
    }
    let times: [Double]
    switch arguments[2] {
    case "dgcnn":
        var m = DGCNN(DGCNN.Configuration(classes: 13), generator: &generator)
        times = measure(&m)
    case "path":
        var m = PathModel(k: 20, classes: 13, generator: &generator)
        times = measure(&m)
    default: fail("train: unknown model '\(arguments[2])' (dgcnn or path)")
    }
    let step = median(times)
    print(
        "tandem_train model=\(arguments[2]) batch=\(batch) points=\(nodes) threads=\(threads.threads) "
            + "median_step_ms=\(step * 1000) clouds_per_s=\(Double(batch) / step)")

case "accuracy":
    let configuration = ShapesConfiguration(
        trainPerClass: option("train-per-class", 100), testPerClass: option("test-per-class", 25),
        points: option("points", 1024), seed: UInt64(option("seed", 1)))
    let data: ShapesDataset
    do { data = try ShapesDataset(configuration) } catch { fail("\(error)") }
    let epochs = option("epochs", 10)
    var generator = SeededGenerator(seed: 4)
    let classes = data.train.classCount
    var model: BaselineModel
    switch arguments[2] {
    case "dgcnn": model = .dgcnn(DGCNN(DGCNN.Configuration(classes: classes), generator: &generator))
    case "pointnet": model = .pointNet(PointNet(PointNet.Configuration(classes: classes), generator: &generator))
    default: fail("accuracy: unknown model '\(arguments[2])' (dgcnn or pointnet)")
    }
    let options = TrainingOptions(
        epochs: epochs, batchSize: option("batch", 16),
        optimizer: .adam(learningRate: 1e-3, weightDecay: 1e-4), minimumLearningRate: 1e-5, seed: 5, threads: threads)
    var reports = [EpochReport]()
    let perEpoch = max(data.train.count / options.batchSize, 1)
    let progress = Progress { done, total, note in
        if done % perEpoch == 0 { FileHandle.standardError.write(Data("  \(done)/\(total) steps, \(note)\n".utf8)) }
    }
    let trainSeconds = try seconds { reports = try model.train(on: data.train, options: options, progress: progress) }
    var evaluation = Evaluation(predictions: [], labels: [], classes: classes, loss: 0)
    let testSeconds = try seconds { evaluation = try model.evaluate(on: data.test, threads: threads) }
    for r in reports {
        print("epoch=\(r.epoch) loss=\(r.loss) train_accuracy=\(r.trainAccuracy) seconds=\(r.seconds)")
    }
    print(
        "tandem_accuracy model=\(arguments[2]) classes=\(classes) train=\(data.train.count) test=\(data.test.count) "
            + "points=\(configuration.points) epochs=\(epochs) overall_accuracy=\(evaluation.overallAccuracy) "
            + "mean_class_accuracy=\(evaluation.meanClassAccuracy) train_s=\(trainSeconds) test_s=\(testSeconds)")

default:
    fail("unknown command '\(arguments[1])' (infer, train, accuracy)")
}
