import Foundation
import ReportTestSupport
import Testing

/// Diagnostics as a terminal shows them: coloured as compilers colour them, and never
/// coloured when `NO_COLOR` is set or standard error is not a terminal.
@Suite struct ConsoleTests {
    static let twice = "---\ntitle: T\n---\n\n## A {#x}\n\n## B {#x}\n"

    /// `imprint check report.md` with a terminal for its output (util-linux's `script`).
    private func onATerminal(_ workspace: Workspace, noColor: Bool) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = noColor ? "1" : nil
        let command = "'\(CommandRunner.executable.path)' check report.md"
        return try runProgram("/usr/bin/script", ["-qec", command, "/dev/null"], in: workspace.folder, environment: environment).output
    }

    @Test func aTerminalSeesColours() throws {
        let workspace = Workspace(report: Self.twice)
        let coloured = try onATerminal(workspace, noColor: false)
        #expect(coloured.contains("\u{1B}[1mreport.md:7:1:\u{1B}[0m \u{1B}[1;31merror:\u{1B}[0m the id 'x' is used twice"), "\(coloured.debugDescription)")
        let plain = try onATerminal(workspace, noColor: true)
        #expect(plain.contains("report.md:7:1: error: the id 'x' is used twice") && !plain.contains("\u{1B}["), "\(plain.debugDescription)")
        let piped = try workspace.run("check", "report.md")
        #expect(piped.stderr.contains("report.md:7:1: error:") && !piped.stderr.contains("\u{1B}["))
    }
}
