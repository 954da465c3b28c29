import Foundation
import Testing

@testable import Workbench

@Suite struct CheckTests {
    @Test func checkReportsBadValuesBadArchitectureTextAndMissingFilesWithoutRunning() {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (shell, output) = capturingShell(directory: directory)
        let script = """
            make shapes classes=2 train=2 test=1 points=16 as d
            train pointnet on d epochs=-2 as p
            space small as s
            arch parse "knn | agg(rel,max) | combine(7) | pool(max)" in s as a
            load missing.h5 as x
            export d to out.h5
            load out.h5 as y
            supernet new in s lr=0 as sn
            """
        #expect(shell.check(script, file: "s.tandem") == 4, "\(output.text)")
        for line in [2, 4, 5, 8] { #expect(output.text.contains("s.tandem:\(line):"), "\(output.text)") }
        #expect(!output.text.contains("s.tandem:7:"), "\(output.text)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/out.h5"))
        #expect(shell.session.names.isEmpty || !shell.session.names.contains("d"))
    }
}
