import Foundation
import ReportTestSupport
import Testing

/// A desk keeps its series, publisher, marking and build options once in `imprint.yml`:
/// the nearest file wins, the report's front matter wins over the files, the command line
/// over both, and every mistake is shown at its place.
@Suite struct DeskConfigurationTests {
    private static let desk = """
        publisher: Desk Press
        series:
          title: House Series
        marking:
          tlp: AMBER
          classification: SECRET
        to: [text, docbook]
        width: 40
        css: house.css

        """

    private func workspace(team: String = "series:\n  volume: 4\nwidth: 50\n") -> Workspace {
        Workspace(files: [
            "imprint.yml": Array(Self.desk.utf8),
            "house.css": Array("p { color: #222222; }\n".utf8),
            "team/imprint.yml": Array(team.utf8),
            "team/report.md": Array("---\ntitle: Team Report\nseries:\n  issue: 2\n---\n\nText of the team.\n".utf8),
        ])
    }

    @Test func theNearestFileWinsAndTheReportOverIt() throws {
        let workspace = workspace()
        let result = try workspace.run("build", "team/report.md", "-M", "marking.tlp=GREEN")
        try #require(result.status == 0, "\(result.stderr)")
        #expect(workspace.files().sorted() == ["report.txt", "report.xml"], "the configuration's editions")
        let text = try #require(workspace.contents("out/report.txt"))
        #expect(text.hasPrefix("TLP:GREEN · SECRET\n\nHouse Series · Volume 4, Issue 2\n"), "\(text)")
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 50 }, "the team's width")
        #expect(text.contains("Published by Desk Press"))
    }

    @Test func theCommandLineWinsOverTheConfiguration() throws {
        let workspace = workspace()
        let result = try workspace.run("build", "team/report.md", "--to", "text", "--width", "72", "-o", "built")
        try #require(result.status == 0, "\(result.stderr)")
        #expect(workspace.files(under: "built") == ["report.txt"])
        #expect(workspace.contents("built/report.txt")?.contains("House Series · Volume 4, Issue 2") == true)
        // `--config` names the one file read: the desk's alone.
        let desk = try workspace.run("build", "team/report.md", "--config", "imprint.yml", "--to", "text", "-o", "desk", "--width", "60")
        try #require(desk.status == 0, "\(desk.stderr)")
        #expect(workspace.contents("desk/report.txt")?.contains("House Series · Issue 2") == true)
    }

    @Test func mistakesAreShownWhereTheyAre() throws {
        let workspace = workspace(team: "paper: A5\n")
        let result = try workspace.run("build", "team/report.md")
        #expect(result.status == 1)
        #expect(result.stderr.contains("team/imprint.yml:1:8: error: 'paper' must be a4 or letter, not 'A5'"), "\(result.stderr)")
        #expect(workspace.files().isEmpty)
        let unknown = Workspace(files: ["imprint.yml": Array("subtitel: x\n".utf8), "report.md": Array("---\ntitle: T\n---\n\nText.\n".utf8)])
        let warned = try unknown.run("build", "report.md", "--to", "text")
        #expect(warned.status == 0 && warned.stderr.contains("imprint.yml:1:1: warning: unknown key 'subtitel' is not understood"), "\(warned.stderr)")
        let broken = Workspace(files: ["imprint.yml": Array("series: [\n".utf8), "report.md": Array("---\ntitle: T\n---\n\nText.\n".utf8)])
        let failed = try broken.run("check", "report.md")
        #expect(failed.status == 1 && failed.stderr.contains("imprint.yml:2:1: error: the configuration is not valid YAML"), "\(failed.stderr)")
    }

    @Test func configPrintsEachValueAndWhereItComesFrom() throws {
        let workspace = workspace()
        let result = try workspace.run("config", "team/report.md", "-M", "marking.tlp=GREEN")
        try #require(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: " ").filter { !$0.isEmpty }.joined(separator: " ") }
        let desk = workspace.folder + "/imprint.yml"
        #expect(lines.contains("publisher: Desk Press # \(desk):1:12"), "\(lines)")
        #expect(lines.contains("series.volume: 4 # \(workspace.folder)/team/imprint.yml:2:11"), "\(lines)")
        #expect(lines.contains("series.issue: 2 # team/report.md:4:10"), "\(lines)")
        #expect(lines.contains("marking.tlp: GREEN # command line (-M marking.tlp=GREEN):1:13"), "\(lines)")
        #expect(lines.contains("width: 50 # \(workspace.folder)/team/imprint.yml:3:8"), "\(lines)")
        #expect(!lines.contains { $0.hasPrefix("marking.tlp: AMBER") })
    }

    /// A build is current only while the configuration is unchanged, and a new file counts.
    @Test func aChangedConfigurationRebuilds() throws {
        let workspace = workspace()
        try #require(try workspace.run("build", "team/report.md").status == 0)
        #expect(try workspace.run("build", "team/report.md").stdout.contains("up to date"))
        workspace.write("team/imprint.yml", Array("series:\n  volume: 5\nwidth: 50\n".utf8))
        let changed = try workspace.run("build", "team/report.md")
        #expect(!changed.stdout.contains("up to date") && workspace.contents("out/report.txt")?.contains("Volume 5") == true)
        workspace.write("team/notes/report.md", Array("---\ntitle: Notes\n---\n\nText.\n".utf8))
        try #require(try workspace.run("build", "team/notes/report.md", "-o", "notes").status == 0)
        workspace.write("team/notes/imprint.yml", Array("rights: Desk\n".utf8))
        #expect(!(try workspace.run("build", "team/notes/report.md", "-o", "notes").stdout.contains("up to date")))
    }

    /// A desk's shared images (`assets:`) serve every report under it, in every edition,
    /// held to the same rules as the report's folder: a link out of the asset folder is
    /// refused, and a folder that is not there is an error at its place.
    @Test(.needsOutsideTools) func imagesComeFromTheDesksAssetsToo() throws {
        let logo = ##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#0b4f8a"/></svg>"##
        let workspace = Workspace(files: [
            "desk/imprint.yml": Array("assets: [shared]\n".utf8),
            "desk/shared/logo.svg": Array(logo.utf8),
            "desk/team/report.md": Array("---\ntitle: With the desk's logo\ndate: 2026-12-05\ncover: logo.svg\n---\n\n![The desk's logo](logo.svg)\n".utf8),
            "secret.svg": Array(logo.utf8),
        ])
        let result = try workspace.run("build", "desk/team/report.md", "--to", "xhtml,epub,pdf", "-o", "out")
        try #require(result.status == 0, "\(result.stderr)")
        #expect(workspace.contents("out/logo.svg") == logo, "the XHTML edition's image is written beside it")
        let book = try runTool(["unzip", "-l", workspace.folder + "/out/report.epub"])
        #expect(book.output.contains("EPUB/media/image-1.svg"), "the e-book carries the image: \(book.output)")
        let pdf = try runTool(["pdfinfo", workspace.folder + "/out/report.pdf"])
        #expect(pdf.status == 0)
        let config = try workspace.run("config", "desk/team/report.md")
        #expect(config.status == 0 && config.stdout.contains("cover: logo.svg"), "config finds the cover in the assets too: \(config.stderr)")

        try FileManager.default.createSymbolicLink(atPath: workspace.folder + "/desk/shared/escape.svg", withDestinationPath: workspace.folder + "/secret.svg")
        workspace.write("desk/team/escape.md", Array("---\ntitle: Escape\n---\n\n![Out](escape.svg)\n".utf8))
        let escape = try workspace.run("build", "desk/team/escape.md", "--to", "xhtml", "-o", "escape")
        #expect(escape.status == 1 && escape.stderr.contains("image 'escape.svg' leaves the report's folder"), "\(escape.stderr)")

        workspace.write("desk/imprint.yml", Array("assets: [missing]\n".utf8))
        let missing = try workspace.run("build", "desk/team/report.md", "--to", "xhtml", "-o", "missing")
        #expect(missing.status == 1 && missing.stderr.contains("desk/imprint.yml:1:9: error: 'assets' names"), "\(missing.stderr)")
    }
}
