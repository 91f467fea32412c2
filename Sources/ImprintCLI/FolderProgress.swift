import ArgumentParser
import Foundation
import Imprint
import SystemSupport
import ReportModel

/// What `imprint build DIR` prints. When standard error is a terminal (and diagnostics are
/// for people), one progress line
/// redrawn in place there, with failed reports and their diagnostics printed above it;
/// otherwise, for logs and CI, one plain line per report on standard output. A summary
/// ends both; any failure makes the exit status 1.
enum FolderProgress {
    static func build(folder: String, plan: BuildPlan, verbose: Bool, diagnostics format: DiagnosticsFormat) throws {
        let contents = FolderBuild.contents(of: folder, plan: plan)
        if verbose {
            for (path, reason) in contents.skipped { Console.say("skipped \(path): \(reason)") }
        }
        Console.print(contents.problems, as: format)
        if contents.problems.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
        let reports = contents.reports
        guard !reports.isEmpty else {
            Console.print([
                Diagnostic(
                    .error, .noReports, "no report under this folder (Markdown with front matter, or a JSON model); --verbose lists what was skipped",
                    at: SourceLocation(file: folder, line: 1, column: 1))
            ], as: format)
            throw ExitCode(1)
        }
        let terminal = format == .human && isatty(STDERR_FILENO) != 0
        let start = DispatchTime.now()
        let skipped = Locked(false)
        let summary = FolderBuild.build(contents) { event in
            if !event.outcome.skipped.isEmpty { skipped.withLock { $0 = true } }
            let failed = !event.outcome.succeeded
            if terminal {
                if failed || event.outcome.diagnostics.contains(where: { $0.severity == .warning }) {
                    write("\r\u{1B}[K")
                    if failed { write("failed \(event.report.terminalSafe)\n") }
                    Console.print(event.outcome.diagnostics, as: format)
                }
                write("\r\u{1B}[K[\(event.finished)/\(event.total)] \(event.report.terminalSafe)")
            } else {
                let state = failed ? "failed" : event.outcome.upToDate ? "up to date" : "built"
                Console.print(event.outcome.diagnostics, as: format)
                Console.say("[\(event.finished)/\(event.total)] \(state) \(event.report)")
                fflush(nil)  // in order with the diagnostics on standard error
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        if terminal { write("\r\u{1B}[K") }
        var line = "\(summary.total) reports: \(summary.built) built, \(summary.upToDate) up to date, \(summary.failed.count) failed"
        line += " (\(String(format: "%.1f", seconds)) s, \(ProcessInfo.processInfo.activeProcessorCount) cores)\n"
        print(line, terminator: "")
        for report in summary.failed { Console.say("failed: \(report)") }
        if !summary.failed.isEmpty { throw ExitCode(1) }
        // Built, but without the PDF (no engine on this machine), as for one report.
        if skipped.withLock({ $0 }) { throw ExitCode(3) }
    }

    private static func write(_ text: String) {
        Console.error(text)
    }
}
