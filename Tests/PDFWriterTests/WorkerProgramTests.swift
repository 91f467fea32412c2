import Foundation
import ReportTestSupport
import Testing

@testable import PDFWriter

/// The PDF worker's Python, held to its own unit tests (`Worker/test_pdf_worker.py`:
/// the fetcher's refusals, paragraph ends, gaps) and to pyflakes.
@Suite(.needsOutsideTools) struct WorkerProgramTests {
    @Test func theWorkersUnitTestsPass() throws {
        let result = try runTool(["python3", "-m", "unittest", "discover", "-s", Repository.path("Tests/PDFWriterTests/Worker")])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("OK"), "\(result.output)")
    }

    /// The worker's command line is a short loader; its program, thirty kilobytes of
    /// Python, comes on standard input and is not what `ps` shows.
    @Test func theCommandLineIsShort() throws {
        let worker = try PDFWorker(python: PDFWorkerPool.python, program: try WorkerProgram.text())
        defer { worker.terminate() }
        #expect(worker.engine.hasPrefix("WeasyPrint"))
        let line = try #require(FileManager.default.contents(atPath: "/proc/\(worker.pid)/cmdline"))
        #expect(line.count < 512 && !String(decoding: line, as: UTF8.self).contains("def "), "\(line.count) bytes")
    }

    @Test func pyflakesFindsNothing() throws {
        let files = [
            "Sources/PDFWriter/Worker/pdf-worker.py", "Tests/PDFWriterTests/Worker/test_pdf_worker.py",
        ].map(Repository.path)
        let scripts = try FileManager.default.contentsOfDirectory(atPath: Repository.path("Tests/ImprintTests/Scripts"))
            .filter { $0.hasSuffix(".py") }.map { Repository.path("Tests/ImprintTests/Scripts/" + $0) }
        let result = try runTool(["python3", "-m", "pyflakes"] + files + scripts)
        #expect(result.status == 0, "\(result.output)")
    }
}
