import Foundation
import Testing

@testable import Workbench

@Suite struct NameKindChangeTests {
    @Test func replacingANamedValueOfAnotherKindSaysSo() {
        let (shell, output) = capturingShell()
        #expect(shell.execute("make shapes classes=2 train=1 test=1 points=4 as x") == 0)
        output.text = ""
        #expect(shell.execute("space small as x") == 0, "\(output.text)")
        #expect(output.text.contains("'x' was point-cloud splits, now design space"), "\(output.text)")
    }

    @Test func replacingANamedValueOfTheSameKindSaysNothingExtra() {
        let (shell, output) = capturingShell()
        #expect(shell.execute("space small as x") == 0)
        output.text = ""
        #expect(shell.execute("space small as x") == 0)
        #expect(!output.text.contains("was"), "\(output.text)")
    }
}
