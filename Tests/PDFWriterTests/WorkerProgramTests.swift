import Foundation
import ReportTestSupport
import Testing

/// The PDF worker's Python, held to its own unit tests (`Worker/test_pdf_worker.py`:
/// the fetcher's refusals, paragraph ends, gaps) and to pyflakes.
@Suite(.needsOutsideTools) struct WorkerProgramTests {
    @Test func theWorkersUnitTestsPass() throws {
        let result = try runTool(["python3", "-m", "unittest", "discover", "-s", Repository.path("Tests/PDFWriterTests/Worker")])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("OK"), "\(result.output)")
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
