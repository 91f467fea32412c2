import Foundation
import ReportTestSupport
import Testing

/// `imprint build DIR`: every report under a folder, failures reported without stopping
/// the others, and a summary.
@Suite struct FolderBuildTests {
    static func report(_ title: String, body: String = "A paragraph.\n") -> [UInt8] {
        Array("---\ntitle: \(title)\n---\n\n\(body)".utf8)
    }

    @Test func buildsEveryReportAndReportsEachFailure() throws {
        var files: [String: [UInt8]] = [:]
        for index in 0..<12 { files["reports/r\(index).md"] = Self.report("Report \(index)") }
        files["reports/asia/r0.md"] = Self.report("Same name, other folder")
        files["reports/asia/broken.md"] = Array("---\ntitle: [unclosed\n---\n".utf8)
        files["reports/.drafts/hidden.md"] = Self.report("Hidden")
        files["reports/notes.txt"] = Array("not a report".utf8)
        let workspace = Workspace(files: files)
        let result = try workspace.run("build", "reports", "--to", "text,docbook", "-o", "out")
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.contains("] built ") }.count == 13, "\(result.stdout)")
        #expect(lines.contains { $0.hasSuffix("] failed reports/asia/broken.md") })
        #expect(lines.contains { $0.hasPrefix("14 reports: 13 built, 0 up to date, 1 failed (") }, "\(result.stdout)")
        #expect(lines.last == "failed: reports/asia/broken.md")
        #expect(result.stderr.contains("reports/asia/broken.md:"), "\(result.stderr)")
        #expect(result.stderr.contains("error:"))
        let written = workspace.files()
        #expect(written.contains("asia/r0.txt") && written.contains("r0.txt") && written.contains("r11.xml"))
        #expect(!written.contains { $0.contains("broken") || $0.contains("hidden") || $0.contains("notes") })
        #expect(workspace.contents("out/asia/r0.txt")?.contains("Same name, other folder") == true)
    }

    /// Reports large enough to be read in pieces, on every core at once: each reader waits
    /// for its own parsing threads, which must not need the threads the readers hold.
    @Test func buildsLargeReportsSideBySide() throws {
        let section = "## Part\n\nA paragraph with a note.[^n] " + String(repeating: "More words. ", count: 400) + "\n\n"
        let body = String(repeating: section, count: 160) + "[^n]: The note.\n"
        var files: [String: [UInt8]] = [:]
        for index in 0..<4 { files["large/r\(index).md"] = Self.report("Large \(index)", body: body) }
        #expect(files["large/r0.md"]!.count > 2 * (256 << 10))  // more than two pieces
        let workspace = Workspace(files: files)
        let result = try workspace.run("build", "large", "--to", "text", "-o", "out")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("4 reports: 4 built"), "\(result.stdout)")
    }

    @Test func aFolderWithoutReportsIsAnError() throws {
        let workspace = Workspace(files: ["empty/readme.txt": Array("x".utf8)])
        let result = try workspace.run("build", "empty", "--to", "text")
        #expect(result.status == 1)
        #expect(result.stderr.contains("empty:1:1: error: no report"))
    }

    /// The output folder may sit inside the folder built: its files are not reports.
    @Test func skipsTheOutputFolder() throws {
        let workspace = Workspace(files: ["r.md": Self.report("R"), "out/stale.md": Self.report("Old output")])
        let result = try workspace.run("build", ".", "--to", "text", "-o", "out")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1 reports: 1 built"))
    }

    /// Links are not followed out of the folder, nor round in a loop.
    @Test func staysInsideTheFolder() throws {
        let outside = Workspace(files: ["elsewhere.md": Self.report("Outside")])
        let workspace = Workspace(files: ["in/a/r.md": Self.report("Inside")])
        try FileManager.default.createSymbolicLink(atPath: workspace.folder + "/in/a/up", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: workspace.folder + "/in/out.md", withDestinationPath: outside.folder + "/elsewhere.md")
        try FileManager.default.createSymbolicLink(atPath: workspace.folder + "/in/there", withDestinationPath: outside.folder)
        let result = try workspace.run("build", "in", "--to", "text")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1 reports: 1 built"), "\(result.stdout)")
    }

    /// On a terminal: one progress line redrawn in place, failures printed above it.
    @Test func drawsAProgressLineOnATerminal() throws {
        var files: [String: [UInt8]] = ["in/broken.md": Array("---\ntitle: [x\n---\n".utf8)]
        for index in 0..<4 { files["in/r\(index).md"] = Self.report("R\(index)") }
        let workspace = Workspace(files: files)
        // `script` (util-linux, in every Debian) runs the command on a pseudo-terminal.
        let command = "'\(CommandRunner.executable.path)' build in --to text"
        let result = try CommandRunner.run(["script", "-qec", command, "/dev/null"], in: workspace.folder, tool: true)
        #expect(result.status == 1)
        #expect(result.stdout.contains("\r\u{1B}[K[5/5] "), "\(result.stdout.debugDescription)")
        #expect(result.stdout.contains("failed in/broken.md"))
        #expect(result.stdout.contains("5 reports: 4 built, 0 up to date, 1 failed"))
        #expect(!result.stdout.contains("] built "))
    }
}

/// A report whose inputs have not changed is not built again.
@Suite struct IncrementalBuildTests {
    static let image = Array(#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>"#.utf8)

    func workspace() -> Workspace {
        Workspace(files: [
            "report.md": FolderBuildTests.report("R", body: "![A square](square.svg)\n"),
            "square.svg": Self.image, "extra.css": Array("p { color: black; }\n".utf8),
        ])
    }

    func build(_ workspace: Workspace, _ extra: [String] = []) throws -> CommandRunner.Result {
        try workspace.run(["build", "report.md", "--to", "xhtml,text"] + extra)
    }

    @Test func skipsAnUnchangedReport() throws {
        let workspace = workspace()
        #expect(try build(workspace).stdout.contains("wrote out/report.txt"))
        let first = try FileManager.default.attributesOfItem(atPath: workspace.folder + "/out/report.txt")
        let again = try build(workspace)
        #expect(again.status == 0)
        #expect(again.stdout == "report.md: up to date (--force rebuilds)\n")
        let second = try FileManager.default.attributesOfItem(atPath: workspace.folder + "/out/report.txt")
        #expect(first[.systemFileNumber] as? Int == second[.systemFileNumber] as? Int, "the file was replaced")
    }

    @Test(arguments: ["text", "image", "option", "style sheet", "output deleted", "force", "environment"])
    func rebuildsWhenAnInputChanges(_ change: String) throws {
        let workspace = workspace()
        #expect(try build(workspace, ["--css", "extra.css"]).status == 0)
        var extra = ["--css", "extra.css"]
        switch change {
        case "text": workspace.write("report.md", FolderBuildTests.report("R2", body: "![A square](square.svg)\n"))
        case "image": workspace.write("square.svg", Self.image + Array("\n".utf8))
        case "option": extra += ["--width", "60"]
        case "style sheet": workspace.write("extra.css", Array("p { color: navy; }\n".utf8))
        case "output deleted": try FileManager.default.removeItem(atPath: workspace.folder + "/out/report.txt")
        case "force": extra.append("--force")
        default: extra = []
        }
        let result: CommandRunner.Result
        if change == "environment" {
            result = try CommandRunner.run(
                ["env", "SOURCE_DATE_EPOCH=86400", CommandRunner.executable.path, "build", "report.md", "--to", "xhtml,text", "--css", "extra.css"],
                in: workspace.folder, tool: true)
        } else {
            result = try build(workspace, extra)
        }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("wrote out/report.txt"), "\(change): \(result.stdout)")
    }

    /// A PDF is rebuilt when the engine says it is another version.
    @Test(.needsOutsideTools) func rebuildsThePDFWhenTheEngineChanges() throws {
        let workspace = Workspace(files: ["report.md": FolderBuildTests.report("R"), "version.txt": Array("engine 1\n".utf8)])
        let engine = """
            #!/bin/sh
            case "$1" in
              --version) cat '\(workspace.folder)/version.txt'; exit 0 ;;
              --help) exit 0 ;;
            esac
            cat > /dev/null
            printf '%%PDF-1.7 (a stand-in engine)'
            """
        workspace.write("engine", Array(engine.utf8))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: workspace.folder + "/engine")
        let arguments = ["build", "report.md", "--to", "pdf", "--pdf-engine", "./engine"]
        #expect(try workspace.run(arguments).stdout.contains("wrote out/report.pdf"))
        #expect(try workspace.run(arguments).stdout.contains("up to date"))
        workspace.write("version.txt", Array("engine 2\n".utf8))
        let result = try workspace.run(arguments)
        #expect(result.stdout.contains("wrote out/report.pdf"), "\(result.stdout) \(result.stderr)")
    }

    @Test func aFolderBuildSkipsWhatIsCurrent() throws {
        let workspace = Workspace(files: ["in/a.md": FolderBuildTests.report("A"), "in/b.md": FolderBuildTests.report("B")])
        #expect(try workspace.run("build", "in", "--to", "text").stdout.contains("2 reports: 2 built, 0 up to date"))
        workspace.write("in/b.md", FolderBuildTests.report("B, revised"))
        let result = try workspace.run("build", "in", "--to", "text")
        #expect(result.stdout.contains("] up to date in/a.md"))
        #expect(result.stdout.contains("2 reports: 1 built, 1 up to date, 0 failed"), "\(result.stdout)")
    }

    /// A downloaded folder of reports, built as a whole: what would overwrite, hide or
    /// hang is said, at once, before anything is written.
    @Test func whatWouldCollideOrHideIsAnErrorNamingIt() throws {
        let json = try #require(try Workspace(files: ["a.md": FolderBuildTests.report("A")]).run("model", "a.md").stdout)
        let workspace = Workspace(files: [
            "in/a.md": FolderBuildTests.report("A"), "in/a.json": Array(json.utf8), "in/report.md": FolderBuildTests.report("R"), "in/report.brief.md": FolderBuildTests.report("RB"),
        ])
        let collide = try workspace.run("build", "in", "--to", "text,brief")
        #expect(collide.status == 1 && workspace.files().isEmpty)
        #expect(collide.stderr.contains("in/a.md:1:1: error: this report's text edition would be written to the file 'a.txt' that in/a.json writes too"), "\(collide.stderr)")
        #expect(collide.stderr.contains("'report.brief.txt'") && collide.stderr.contains("[editions-collide]"), "\(collide.stderr)")
        // A name in Latin-1, as an old archive unpacks it: "bé.md".
        let bad = Workspace(files: ["in/ok.md": FolderBuildTests.report("OK")])
        let raw = Array((bad.folder + "/in/").utf8) + [0x62, 0xE9, 0x2E, 0x6D, 0x64, 0]
        let descriptor = raw.withUnsafeBufferPointer { pointer in
            pointer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: raw.count) { open($0, O_CREAT | O_WRONLY, 0o644) }
        }
        try #require(descriptor >= 0)
        close(descriptor)
        let named = try bad.run("build", "in", "--to", "text")
        #expect(named.status == 1 && named.stderr.contains("this name is not UTF-8 text") && named.stderr.contains("[file-name-invalid]"), "\(named.stderr)")
    }

    @Test func anIgnoreFilePastItsLimitsIsAnErrorNotASilentSkip() throws {
        let patterns = (0..<1_001).map { "pattern-\($0)" }.joined(separator: "\n") + "\n"
        let workspace = Workspace(files: ["in/a.md": FolderBuildTests.report("A"), "in/drafts/d.md": FolderBuildTests.report("D"), "in/.imprintignore": Array(patterns.utf8)])
        let result = try workspace.run("build", "in", "--to", "text")
        #expect(result.status == 1 && workspace.files().isEmpty)
        #expect(result.stderr.contains("in/.imprintignore:1001:1: error: more than 1000 patterns"), "\(result.stderr)")
        workspace.write("in/.imprintignore", Array(("drafts/\n" + String(repeating: "#", count: 70_000) + "\n").utf8))
        let large = try workspace.run("build", "in", "--to", "text")
        #expect(large.status == 1 && large.stderr.contains(".imprintignore:1:1: error: the file is larger than"), "\(large.stderr)")
        workspace.write("in/.imprintignore", Array("drafts/\n\(String(repeating: "*", count: 9))x\n".utf8))
        let stars = try workspace.run("build", "in", "--to", "text")
        #expect(stars.status == 1 && stars.stderr.contains(".imprintignore:2:1: error: this pattern"), "\(stars.stderr)")
        workspace.write("in/.imprintignore", Array("drafts/\n".utf8))
        let fine = try workspace.run("build", "in", "--to", "text")
        #expect(fine.status == 0 && fine.stdout.contains("1 reports: 1 built"), "\(fine.stdout)")
    }

    @Test func aLinkToAFolderIsNotFollowed() throws {
        let outside = Workspace(files: ["secret.md": FolderBuildTests.report("Secret")])
        let workspace = Workspace(files: ["in/a.md": FolderBuildTests.report("A")])
        symlink(outside.folder, workspace.folder + "/in/elsewhere")
        symlink(".", workspace.folder + "/in/loop")
        let result = try workspace.run("build", "in", "--to", "text", "--verbose")
        #expect(result.status == 0 && result.stdout.contains("1 reports: 1 built"), "\(result.stdout)")
        #expect(result.stdout.contains("in/elsewhere: a link to a folder, which is not followed"), "\(result.stdout)")
    }
}
