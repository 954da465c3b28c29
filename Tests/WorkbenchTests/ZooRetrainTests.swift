import Foundation
import GNN
import Search
import Testing

@testable import Workbench

/// A shell with tiny two-class splits `d`, a supernet `sn` of a two-class space trained one epoch, and a zoo
/// `z` searched on them (measured in the engine, one request).
private func zooShell(directory: String) -> (Shell, TextBuffer) {
    let (shell, buffer) = capturingShell(directory: directory)
    let status = shell.execute(
        "make shapes classes=2 train=4 test=2 points=64 seed=5 as d; space small classes=2 as s; "
            + "supernet new in s epochs=1 batch=4 seed=7 as sn; supernet train sn on d; "
            + "profile pi-i7 in s repeat=1 warmup=0 as t; "
            + "search sn on d cost=t latency<=1s bandwidths=10,100 samples=6 children=3 seed=3 generations=0 "
            + "measure=1 as z")
    #expect(status == 0, "\(buffer.text)")
    buffer.text = ""
    return (shell, buffer)
}

@Suite struct ZooRetrainTests {
    @Test func retrainingReplacesTheWeightsKeepsBothAccuraciesAndTheFileAndEngineRunTheNewWeights() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (shell, buffer) = zooShell(directory: directory)
        let retrain = "zoo retrain z on d epochs=1 batch=2 seed=4"
        #expect(
            shell.execute("\(retrain) as z2; \(retrain) as again; \(retrain) mode=finetune as tuned") == 0,
            "\(buffer.text)")
        #expect(buffer.text.contains("% inherited → "), "\(buffer.text)")
        let z = try #require(shell.session.value(named: "z") as? ZooValue)
        let z2 = try #require(shell.session.value(named: "z2") as? ZooValue)
        let again = try #require(shell.session.value(named: "again") as? ZooValue)
        let tuned = try #require(shell.session.value(named: "tuned") as? ZooValue)
        let data = try #require(shell.session.value(named: "d") as? PointCloudSplits)
        #expect(z.retrained.isEmpty && !z2.zoo.members.isEmpty)
        #expect(z2.zoo == z.zoo, "the inherited scores and predicted figures stay")
        #expect(z2.measured == z.measured)
        for member in z2.zoo.members {
            let record = try #require(z2.retrained[member.name])
            #expect(record.mode == .scratch && record.epochs == 1 && record.seed == 4 && record.batch == 2)
            let model = try #require(z2.models[member.name])
            #expect(model.architecture == member.architecture)
            #expect(model.store != z.models[member.name]?.store, "the weights are replaced")
            #expect(again.models[member.name]?.store == model.store, "same seed, same weights")
            #expect(tuned.models[member.name]?.store != model.store, "fine-tuning starts from the inherited weights")
            #expect(tuned.retrained[member.name]?.mode == .finetune)
            let evaluation = try ModelValue(.architecture(model)).evaluate(
                on: data.test, threads: .single, progress: .silent, cancellation: .never)
            #expect(record.accuracy == evaluation.overallAccuracy && record.loss == evaluation.loss)
        }
        buffer.text = ""
        let member = try #require(z2.zoo.members.first)
        #expect(
            shell.execute(
                "show z2; export z2 to z2.h5; load z2.h5 as back; load z2.h5/members/\(member.name) as m; "
                    + "coinfer m on d n=2") == 0, "\(buffer.text)")
        #expect(buffer.text.contains("acc inherited") && buffer.text.contains("acc retrained"), "\(buffer.text)")
        #expect(buffer.text.contains("\(member.name) retrained (scratch, 1 epoch, batch 2"), "\(buffer.text)")
        let back = try #require(shell.session.value(named: "back") as? ZooValue)
        #expect(back.isSame(as: z2) && back.retrained == z2.retrained)
        #expect(back.input.classNames == data.train.classNames && back.input.radiusMean > 0)
        let loaded = try #require(shell.session.value(named: "m") as? ModelValue)
        #expect(loaded.store == z2.models[member.name]?.store && loaded.classNames == data.train.classNames)
        #expect(buffer.text.contains("fallbacks 0"), "\(buffer.text)")
        buffer.text = ""
        #expect(shell.execute("zoo retrain z on d epochs=0") == 1)
        #expect(buffer.text.contains("epochs=0"), "\(buffer.text)")
    }

    @Test func plotMeasuresReferenceModelsInTheEngineAndKeepsTypedFigures() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (shell, buffer) = zooShell(directory: directory)
        #expect(
            shell.execute(
                "train pointnet on d epochs=1 batch=2 seed=1 as pn; "
                    + "plot z to out/r.svg refs=pn,dg:90:500ms on d n=2") == 0, "\(buffer.text)")
        let svg = try String(contentsOfFile: directory + "/out/r.svg", encoding: .utf8)
        #expect(svg.contains(">pn device-only") && svg.contains(">dg<"), "\(svg)")
        #expect(svg.contains("reference, measured or given") && svg.contains("chosen, measured (engine)"))
        let model = try #require(shell.session.value(named: "pn") as? ModelValue)
        let data = try #require(shell.session.value(named: "d") as? PointCloudSplits)
        let accuracy = try model.evaluate(on: data.test, threads: .single, progress: .silent, cancellation: .never)
        let measured = try #require(
            buffer.text.split(separator: "\n").first { $0.hasPrefix("  measured in the engine: ") }, "\(buffer.text)")
        let references = measured.dropFirst("  measured in the engine: ".count).components(separatedBy: "; ")
        let line = try #require(references.first { $0.hasPrefix("pn device-only") }, "\(measured)")
        // Per zoo bandwidth the best single split is its own point, or the device-only one says it is.
        for bandwidth in ["10 Mbit/s", "100 Mbit/s"] {
            #expect(
                references.contains { $0.hasPrefix("pn best split @ \(bandwidth) (") }
                    || (line.contains("= best split @ ") && line.contains(bandwidth.dropLast(7))), "\(buffer.text)")
        }
        #expect(line.contains(NumberFormat.fixed(accuracy.overallAccuracy * 100, 1) + "%, "), "\(line)")
        #expect(line.hasSuffix(" ms"), "\(line)")
        buffer.text = ""
        #expect(shell.execute("plot z to out/x.svg refs=pn") == 1)
        #expect(buffer.text.contains("add `on DATA`"), "\(buffer.text)")
    }
}
