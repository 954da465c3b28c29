import Foundation
import Testing

@testable import Workbench

@Suite struct CoinferZooTests {
    @Test func coinferDispatchesOverAZooFromSearchAndFromItsFile() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (shell, buffer) = capturingShell(directory: directory)
        let setup = shell.execute(
            "make shapes classes=2 train=4 test=3 points=64 seed=5 as d; space small modes=DE,E classes=2 as s; "
                + "supernet new in s epochs=1 batch=4 seed=7 as sn; supernet train sn on d; "
                + "profile pi-i7 in s repeat=1 warmup=0 as t; "
                + "search sn on d cost=t latency<=1s bandwidths=10,100 samples=4 children=2 seed=3 generations=0 "
                + "measure=0 as z; export z to z.h5")
        try #require(setup == 0, "\(buffer.text)")
        for zoo in ["z", "back"] {
            buffer.text = ""
            if zoo == "back" { try #require(shell.execute("load z.h5 as back") == 0, "\(buffer.text)") }
            let status = shell.execute("coinfer \(zoo) on d dispatch=on budget=10s n=3")
            #expect(status == 0, "\(buffer.text)")
            #expect(buffer.text.contains("device-only"), "the fallback row: \(buffer.text)")
            #expect(buffer.text.contains("dispatch: 3 requests"), "\(buffer.text)")
            #expect(buffer.text.contains("accuracies the zoo's scores"), "\(buffer.text)")
        }
        buffer.text = ""
        #expect(shell.execute("coinfer z on d n=2") != 0)
        #expect(buffer.text.contains("is a zoo: run it with dispatch=on"), "\(buffer.text)")
    }
}
