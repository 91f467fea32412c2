import Foundation
import ReportTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Numbers, sizes and files that once crashed, hung or blew up a build, each rebuilt from
/// its description: every one ends in a diagnostic or in bounded editions, at once.
@Suite struct InputLimitsTests {
    private static func report(_ body: String, frontMatter: String = "") -> [UInt8] {
        Array("---\ntitle: Limits\n\(frontMatter)---\n\n\(body)".utf8)
    }

    /// Runs a shell line in `folder` with `imprint` on its path, under a time limit.
    private func shell(_ line: String, in folder: String, seconds: Int = 60) throws -> (status: Int32, output: String) {
        let bin = CommandRunner.executable.deletingLastPathComponent().path
        return try runProgram("/usr/bin/timeout", [String(seconds), "/bin/bash", "-c", "PATH=\(bin):$PATH; " + line], in: folder)
    }

    @Test func seriesNumbersAreCheckedForRange() throws {
        let workspace = Workspace(files: [
            "report.md": Self.report("Text.\n", frontMatter: "series:\n  title: S\n  volume: 9223372036854775807\n  issue: -1\n")
        ])
        let result = try workspace.run("build", "report.md", "--to", "epub,docx,text")
        #expect(result.status == 1)
        #expect(result.stderr.contains("report.md:5:11: error: 'series.volume' must be a whole number from 0 to 1000000000"), "\(result.stderr)")
        #expect(result.stderr.contains("'series.issue' must be a whole number"), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test func anSVGOfAnySizeIsScaledForTheWordEdition() throws {
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg" width="1e20" height="3e19"><rect width="10" height="10"/></svg>"#
        let workspace = Workspace(files: ["report.md": Self.report("![Huge](huge.svg)\n"), "huge.svg": Array(svg.utf8)])
        let result = try workspace.run("build", "report.md", "--to", "docx,epub")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test func sourceDateEpochIsCheckedForRange() throws {
        let workspace = Workspace(files: ["report.md": Self.report("Text.\n")])
        for bad in ["99999999999999", "-5", "soon"] {
            let result = try workspace.run(["build", "report.md", "--to", "epub,docx", "--force"], environment: ["SOURCE_DATE_EPOCH": bad])
            #expect(result.status == 1 && result.stderr.contains("SOURCE_DATE_EPOCH is '\(bad)'"), "\(bad): \(result.stderr)")
            #expect(workspace.files().isEmpty)
        }
        let latest = try workspace.run(["build", "report.md", "--to", "epub,docx", "--force"], environment: ["SOURCE_DATE_EPOCH": "253402300799"])
        #expect(latest.status == 0, "\(latest.stderr)")
    }

    @Test func aClosedOrShortStandardOutputIsAQuietExit() throws {
        let long = String(repeating: "A sentence of the report that fills the pipe. ", count: 8000)
        let workspace = Workspace(files: ["report.md": Self.report(long + "\n")])
        let closed = try shell("imprint build report.md --to text -o - >&-", in: workspace.folder)
        #expect(closed.status == 1 && !closed.output.contains("Fatal error"), "\(closed.output)")
        let short = try shell("imprint build report.md --to text -o - | head -c 8 >/dev/null; echo \"status ${PIPESTATUS[0]}\"", in: workspace.folder)
        #expect(short.output.contains("status 0") && !short.output.contains("Fatal error"), "\(short.output)")
        let model = try shell("imprint model report.md | head -c 8 >/dev/null; echo \"status ${PIPESTATUS[0]}\"", in: workspace.folder)
        #expect(model.output.contains("status 0") && !model.output.contains("Fatal error"), "\(model.output)")
        let noErrors = try shell("imprint build missing.md 2>&-; echo \"status $?\"", in: workspace.folder)
        #expect(noErrors.output.contains("status 1"), "\(noErrors.output)")
    }

    @Test func aFIFOIsNeverWaitedOn() throws {
        let workspace = Workspace(files: ["report.md": Self.report("Text.\n"), "reports/a.md": Self.report("A.\n")])
        mkfifo(workspace.folder + "/house.docx", 0o644)
        mkfifo(workspace.folder + "/reports/waiting.md", 0o644)
        let template = try shell("imprint build report.md --to docx --reference-doc house.docx", in: workspace.folder, seconds: 30)
        #expect(template.status == 1 && template.output.contains("is not a regular file"), "\(template.output)")
        let folder = try shell("imprint build reports -o built --to text --verbose", in: workspace.folder, seconds: 30)
        #expect(folder.status == 0 && folder.output.contains("waiting.md: not a regular file"), "\(folder.output)")
    }

    @Test func anOverfilledTableIsRefusedBeforeItIsParsed() throws {
        let header = "|" + String(repeating: "c|", count: 3000) + "\n|" + String(repeating: "-|", count: 3000) + "\n"
        let rows = String(repeating: "|a\n", count: 3000)
        let workspace = Workspace(files: ["report.md": Self.report(header + rows)])
        let result = try workspace.run("build", "report.md", "--to", "text")
        #expect(result.status == 1)
        #expect(result.stderr.contains("report.md:6:1: error: this table has 3000 columns and 3001 rows"), "\(result.stderr.prefix(400))")
        // A wide table an author writes, every cell given, passes.
        let wide = "|" + String(repeating: "h|", count: 60) + "\n|" + String(repeating: "-|", count: 60) + "\n"
            + String(repeating: "|" + String(repeating: "x|", count: 60) + "\n", count: 200)
        let fine = Workspace(files: ["report.md": Self.report(wide)])
        #expect(try fine.run("build", "report.md", "--to", "text").status == 0)
    }

    @Test func aLongTitleReferencedOftenStaysBounded() throws {
        let title = String(repeating: "word ", count: 10_000)
        let references = String(repeating: "See [](#long). ", count: 2_000)
        let report = Self.report("## \(title) {#long}\n\nBody.\n\n## Refs\n\n\(references)\n")
        let workspace = Workspace(files: ["report.md": report])
        let result = try workspace.run("build", "report.md", "--to", "text,xhtml")
        #expect(result.status == 0, "\(result.stderr)")
        let text = try #require(workspace.contents("out/report.txt"))
        // Each reference carries at most a label of 120 characters of the title: before, each
        // carried all 50,000.
        #expect(text.utf8.count < report.count + 2_000 * 200, "\(text.utf8.count) bytes of text from \(report.count)")
        #expect(text.contains("…"))
    }

    @Test func oneImageUnderManySpellingsIsOneImage() throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 200_000)
        let spellings = ["big.png", "./big.png", "././big.png", "sub/../big.png", "link.png"]
        let body = spellings.enumerated().map { "![Figure \($0.offset)](\($0.element))\n" }.joined(separator: "\n")
        let workspace = Workspace(files: ["report.md": Self.report(body), "big.png": png, "sub/keep": []])
        symlink("big.png", workspace.folder + "/link.png")
        let model = try workspace.run("model", "report.md")
        #expect(model.stdout.components(separatedBy: "\"big.png\"").count - 1 == spellings.count, "\(model.stdout.prefix(600))")
        let result = try workspace.run("build", "report.md", "--to", "epub")
        #expect(result.status == 0, "\(result.stderr)")
        let size = (try FileManager.default.attributesOfItem(atPath: workspace.folder + "/out/report.epub")[.size] as? Int) ?? 0
        #expect(size < 2 * 200_000, "the e-book carries the image \(size / 200_000) times")
    }

    @Test(.needsOutsideTools) func thePDFWorkerHasAMemoryLimit() throws {
        let workspace = Workspace(files: ["report.md": Self.report("Text.\n")])
        let result = try workspace.run(["build", "report.md", "--to", "pdf"], environment: ["IMPRINT_PDF_MEMORY_MB": "48"])
        #expect(result.status == 1, "\(result.stderr)")
        // Held to 48 MiB, WeasyPrint cannot even start: the build fails and says so.
        #expect(result.stderr.contains("[pdf-failed]"), "\(result.stderr)")
        #expect(workspace.files().isEmpty)
    }
}
