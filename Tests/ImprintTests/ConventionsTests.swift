import Foundation
import ReportTestSupport
import Testing

/// The command-line conventions users bring from Pandoc and Typst: `-o FILE.EXT`, typed
/// `--to`, folders that build only reports, a self-contained XHTML edition.
@Suite struct ConventionsTests {
    private static let report = "---\ntitle: Conventions\n---\n\n![A map](images/map.svg)\n\nText.\n"
    private static let svg = Array(#"<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>"#.utf8)

    @Test func outputNamingAFileWritesThatEditionThere() throws {
        let workspace = Workspace(files: ["report.md": Array(Self.report.utf8), "images/map.svg": Self.svg])
        let text = try workspace.run("build", "report.md", "-o", "out/brief.txt")
        #expect(text.status == 0, "\(text.stderr)")
        #expect(workspace.files() == ["brief.txt"])
        #expect(workspace.contents("out/brief.txt")?.contains("Text.") == true)
        let brief = try workspace.run("build", "report.md", "-o", "short.brief.txt")
        #expect(brief.status == 0, "\(brief.stderr)")
        #expect(workspace.contents("short.brief.txt")?.isEmpty == false)
        let two = try workspace.run("build", "report.md", "--to", "text,docbook", "-o", "x.txt")
        #expect(two.status == 2)
        #expect(two.stderr.contains("-o x.txt names one file, but 2 editions are asked for"), "\(two.stderr)")
        // A name without an edition's extension, or with a trailing slash, is a folder.
        let folder = try workspace.run("build", "report.md", "--to", "text", "-o", "editions.pdf/")
        #expect(folder.status == 0)
        #expect(workspace.contents("editions.pdf/report.txt") != nil)
    }

    @Test(.needsOutsideTools) func standardInputAndStandardOutput() throws {
        let workspace = Workspace(files: ["assets/images/map.svg": Self.svg])
        let text = try workspace.run(["build", "-", "--to", "text", "-o", "-", "--resource-path", "assets"], input: Array(Self.report.utf8))
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.hasPrefix("Conventions\n"), "\(text.stdout)")
        #expect(workspace.files().isEmpty)
        let pdf = try workspace.run(["build", "-", "--to", "pdf", "-o", "-", "--resource-path", "assets"], input: Array(Self.report.utf8))
        #expect(pdf.status == 0, "\(pdf.stderr)")
        #expect(pdf.stdout.hasPrefix("%PDF"))
        // Images are resolved against the resource path (the current folder by default).
        let missing = try workspace.run(["build", "-", "--to", "text", "-o", "-"], input: Array(Self.report.utf8))
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("<stdin>:5:1: error: image 'images/map.svg' does not exist"), "\(missing.stderr)")
        let two = try workspace.run(["build", "-", "-o", "-"], input: Array(Self.report.utf8))
        #expect(two.status == 2)
        #expect(two.stderr.contains("name the edition with --to"))
        let file = try workspace.run(["build", "-", "-o", "from-stdin.epub", "--resource-path", "assets"], input: Array(Self.report.utf8))
        #expect(file.status == 0, "\(file.stderr)")
        #expect(FileManager.default.fileExists(atPath: workspace.folder + "/from-stdin.epub"))
    }

    @Test func anUnknownEditionGetsTheBuildsUsageAndTheList() throws {
        let workspace = Workspace(files: ["report.md": Array(Self.report.utf8), "images/map.svg": Self.svg])
        let result = try workspace.run("build", "report.md", "--to", "odt")
        #expect(result.status == 2)
        #expect(result.stderr.contains("'odt' is invalid for '--to"), "\(result.stderr)")
        #expect(result.stderr.contains("epub"))
        #expect(result.stderr.contains("Usage: imprint build"), "\(result.stderr)")
    }

    @Test func helpShowsExamplesAndExitStatuses() throws {
        let help = try Workspace().run("build", "--help")
        #expect(help.stdout.contains("imprint build report.md -o brief.pdf"), "\(help.stdout)")
        #expect(help.stdout.contains("Exit status: 0 built"))
    }

    @Test func aFolderBuildsOnlyItsReports() throws {
        let workspace = Workspace(files: [
            "desk/report.md": Array(Self.report.utf8), "desk/images/map.svg": Self.svg,
            "desk/README.md": Array("# How this desk works\n".utf8), "desk/drafts/draft.md": Array(Self.report.utf8),
            "desk/.imprintignore": Array("# not yet\ndrafts/\n".utf8),
            "desk/model.json": Array(#"{"note": "not a model"}"#.utf8),
        ])
        let result = try workspace.run("build", "desk", "--to", "text", "-o", "out", "--verbose")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(workspace.files() == ["report.txt"])
        for skipped in ["skipped desk/README.md: Markdown without front matter", "skipped desk/drafts: matched by .imprintignore",
                        "skipped desk/model.json: JSON that is not a report model"] {
            #expect(result.stdout.contains(skipped), "\(skipped): \(result.stdout)")
        }
    }

    @Test func theXHTMLEditionCarriesItsImages() throws {
        let workspace = Workspace(files: ["src/report.md": Array(Self.report.utf8), "src/images/map.svg": Self.svg])
        let result = try workspace.run("build", "src/report.md", "--to", "xhtml", "-o", "site")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(workspace.files(under: "site") == ["images", "images/map.svg", "report.css", "report.xhtml"])
        #expect(workspace.contents("site/report.xhtml")?.contains(#"src="images/map.svg""#) == true)
        // The folder moves and still shows its image.
        try FileManager.default.moveItem(atPath: workspace.folder + "/site", toPath: workspace.folder + "/moved")
        try FileManager.default.removeItem(atPath: workspace.folder + "/src")
        #expect(FileManager.default.contents(atPath: workspace.folder + "/moved/images/map.svg") == Data(Self.svg))
    }
}
