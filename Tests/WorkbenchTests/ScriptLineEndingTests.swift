import Foundation
import Testing

@testable import Workbench

@Suite struct ScriptLineEndingTests {
    @Test func scriptsWithCRLFLineEndingsRunEveryLine() {
        let (shell, output) = capturingShell()
        let script =
            "make shapes classes=2 train=1 test=1 points=4 seed=1 as a\r\nmake shapes classes=2 train=1 test=1 "
            + "points=4 seed=2 as b\r\n"
        let outcome = shell.runScript(script, file: "crlf.tandem")
        #expect(outcome.failures == 0, "\(output.text)")
        #expect(shell.session.names == ["a", "b"])
    }

    @Test func checkingAScriptWithCRLFLineEndingsSeesEveryLine() {
        let (shell, output) = capturingShell()
        let script = "make shapes classes=2 train=1 test=1 points=4 as a\r\nshow a\r\nshow nothere\r\n"
        #expect(shell.check(script, file: "crlf.tandem") == 1, "\(output.text)")
        #expect(output.text.contains("crlf.tandem:3:"), "\(output.text)")
    }
}
