import Foundation
import Testing
import ReportModel
import XMLSupport
@testable import Imprint

@Suite struct CommandTests {
    static let valid = "---\ntitle: A Report\n---\n\n## One\n\nText.\n"

    @Test func buildsDocBookIntoOut() throws {
        let workspace = Workspace(report: CommandTests.valid)
        let result = try workspace.run("build", "report.md", "--to", "docbook")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("wrote out/report.xml"))
        #expect(workspace.files() == ["report.xml"])
        let document = try XMLDocument.parse(Array(workspace.contents("out/report.xml")!.utf8))
        #expect(document.textContent.contains("Text."))
    }

    /// Pandoc's and Typst's habits: `--to html` and `-t`, the output file as a second
    /// argument; an output file whose extension is no edition's is refused, never made a
    /// folder (`.html` with the name to use); one file leaves nothing of Imprint's beside it.
    @Test func pandocsHabitsWork() throws {
        let workspace = Workspace(report: CommandTests.valid)
        let html = try workspace.run("build", "report.md", "--to", "html", "-o", "h")
        #expect(html.status == 0 && workspace.files(under: "h") == ["report.css", "report.xhtml"], "\(html.stderr)")
        let short = try workspace.run("build", "report.md", "-t", "plain", "-o", "t")
        #expect(short.status == 0 && workspace.files(under: "t") == ["report.txt"], "\(short.stderr)")
        let positional = try workspace.run("build", "report.md", "q.docx")
        #expect(positional.status == 0 && workspace.contents("q.docx") != nil, "\(positional.stderr)")
        #expect(workspace.contents(".imprint/q.docx.stamp") == nil && !FileManager.default.fileExists(atPath: workspace.folder + "/.imprint"))
        for name in ["x.html", "x.md"] {
            let refused = try workspace.run("build", "report.md", "-o", name)
            #expect(refused.status == 2 && !FileManager.default.fileExists(atPath: workspace.folder + "/" + name), "\(name): \(refused.stderr)")
            #expect(refused.stderr.contains("is no edition's"), "\(refused.stderr)")
        }
        #expect(try workspace.run("build", "report.md", "-o", "x.html").stderr.contains("name it x.xhtml"))
        // A name whose dot begins no file extension is a folder.
        let versioned = try workspace.run("build", "report.md", "--to", "text", "-o", "rel-1.2")
        #expect(versioned.status == 0 && workspace.files(under: "rel-1.2") == ["report.txt"], "\(versioned.stderr)")
        let both = try workspace.run("build", "report.md", "a.pdf", "-o", "b.pdf")
        #expect(both.status == 2 && both.stderr.contains("give the output once"), "\(both.stderr)")
    }

    /// A report read from standard input whose image is not in the current folder is told
    /// where images are looked for.
    @Test func aMissingImageFromStandardInputNamesResourcePath() throws {
        let workspace = Workspace()
        let result = try workspace.run(["build", "-", "--to", "text", "-o", "-"], input: Array("---\ntitle: T\n---\n\n![Map](map.png)\n".utf8))
        #expect(result.status == 1 && result.stderr.contains("--resource-path DIR"), "\(result.stderr)")
    }

    /// The shells complete a comma list of editions (as the completion script asks the
    /// binary), and a report's name after every command.
    @Test func completionsGoOnWithACommaList() throws {
        let workspace = Workspace(report: CommandTests.valid)
        let asked = try workspace.run("---completion", "build", "--", "--to", "4", "5", "imprint", "build", "report.md", "--to", "pdf,e")
        #expect(asked.stdout.split(separator: "\n") == ["pdf,epub"], "\(asked.stdout) \(asked.stderr)")
        let script = try workspace.run("--generate-completion-script", "bash").stdout
        for command in ["build", "check", "model", "config", "watch"] {
            let function = try #require(script.firstMatch(of: try Regex("_imprint_\(command)\\(\\)(?s:.*?)\\n}")).map { String($0.output[0].substring ?? "") })
            #expect(function.contains("__imprint_add_completions -f"), "\(command): no file completion\n\(function)")
        }
    }

    @Test func honoursTheOutputFolder() throws {
        let workspace = Workspace(report: CommandTests.valid)
        let result = try workspace.run("build", "report.md", "--to", "docbook", "-o", "build/editions")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(workspace.files(under: "build/editions") == ["report.xml"])
    }

    @Test func buildingTwiceGivesTheSameBytes() throws {
        let workspace = Workspace()
        let sample = samplesFolder + "/arctic-shipping-outlook.md"
        let editions = "docbook,xhtml,epub,docx,text,brief"
        let first = try workspace.run("build", sample, "--to", editions, "-o", "a")
        let second = try workspace.run("build", sample, "--to", editions, "-o", "b")
        try #require(first.status == 0 && second.status == 0, "\(first.stderr)\(second.stderr)")
        for name in ["xml", "xhtml", "epub", "docx", "txt", "brief.txt"] {
            let a = try #require(FileManager.default.contents(atPath: workspace.folder + "/a/arctic-shipping-outlook." + name))
            #expect(a == FileManager.default.contents(atPath: workspace.folder + "/b/arctic-shipping-outlook." + name), "\(name)")
        }
    }

    /// The bad inputs of the foundation issue: each gives one diagnostic with file and line,
    /// exit status 1, and writes nothing.
    @Test(arguments: [
        ("---\ntitle: [unclosed\n---\n", "not valid YAML"),
        ("---\ntitle: T\nseries:\n  issn: 2785-2597\n---\n", "wrong check digit"),
        ("---\ntitle: T\n---\n\n## Risks {.risks}\n\n1. **R:** x {likelihood=probable}\n", "not a likelihood"),
        ("---\ntitle: T\n---\n\n## A {#same}\n\n## B {#same}\n", "used twice"),
        ("---\ntitle: T\n---\n\n![Map](missing.png)\n", "does not exist"),
        ("---\ntitle: T\n---\n\n![Map](../outside.png)\n", "leaves the report's folder"),
    ])
    func badInputsFailCleanly(report: String, message: String) throws {
        let workspace = Workspace(report: report)
        workspace.write("../outside.png", Array("png".utf8))
        let result = try workspace.run("build", "report.md")
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(lines.first?.hasPrefix("report.md:") == true)
        #expect(lines.first?.contains("error: ") == true)
        #expect(lines.first?.contains(message) == true, "\(result.stderr)")
        #expect(workspace.files().isEmpty)
        #expect(result.stdout.isEmpty)
    }

    @Test func invalidUTF8FailsCleanly() throws {
        let workspace = Workspace(files: ["report.md": Array("---\ntitle: T\n---\n\nBad ".utf8) + [0xC3, 0x28] + Array("\n".utf8)])
        let result = try workspace.run("build", "report.md")
        #expect(result.status == 1)
        #expect(result.stderr == "report.md:5:5: error: the file is not valid UTF-8 (byte 0xC3) [not-utf8]\n")
        #expect(workspace.files().isEmpty)
    }

    @Test func aFailedBuildLeavesEarlierOutputsAlone() throws {
        let workspace = Workspace(report: CommandTests.valid)
        #expect(try workspace.run("build", "report.md", "--to", "docbook").status == 0)
        let before = workspace.contents("out/report.xml")
        workspace.write("report.md", Array("---\ntitle: [broken\n---\n".utf8))
        #expect(try workspace.run("build", "report.md").status == 1)
        #expect(workspace.contents("out/report.xml") == before)
        #expect(workspace.files() == ["report.xml"])
    }

    @Test(.needsOutsideTools) func strictTurnsWarningsIntoErrors() throws {
        let workspace = Workspace(report: "---\ntitle: T\nreviewer: X\n---\n\nText.\n")
        let lenient = try workspace.run("build", "report.md")
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("report.md:3:1: warning: unknown front matter key 'reviewer'"))
        try FileManager.default.removeItem(atPath: workspace.folder + "/out")
        let strict = try workspace.run("build", "report.md", "--strict")
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("report.md:3:1: error: unknown front matter key 'reviewer'"))
        #expect(workspace.files().isEmpty)
    }

    /// Editions are written to files without names as they are made; when one fails,
    /// none is put in place and the folders the build made are gone again.
    @Test func failedEditionLeavesNoFolderBehind() throws {
        let workspace = Workspace(report: CommandTests.valid)
        let result = try workspace.run("build", "report.md", "--to", "docbook,text,xhtml", "--css", "missing.css", "-o", "new/out")
        #expect(result.status == 1)
        #expect(result.stderr.contains("missing.css"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: workspace.folder + "/new"))
        #expect(try workspace.run("build", "report.md", "--to", "text", "-o", "new/out").status == 0)
        #expect(try workspace.run("build", "report.md", "--to", "text,xhtml", "--css", "missing.css", "-o", "new/out").status == 1)
        #expect(workspace.files(under: "new/out") == ["report.txt"])
    }

    @Test func checkWritesNothing() throws {
        let workspace = Workspace(report: CommandTests.valid)
        let result = try workspace.run("check", "report.md")
        #expect(result.status == 0)
        #expect(result.stdout == "report.md: ok\n")
        #expect(workspace.files().isEmpty)
        let bad = Workspace(report: "---\ntitle: T\n---\n\nSee [](#nowhere).\n")
        #expect(try bad.run("check", "report.md").status == 1)
    }

    @Test func modelPrintsJSONThatReadsBack() throws {
        let workspace = Workspace(report: CommandTests.valid)
        let result = try workspace.run("model", "report.md")
        #expect(result.status == 0)
        let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
        #expect(report.metadata.title == "A Report")
        workspace.write("model.json", Array(result.stdout.utf8))
        let rebuilt = try workspace.run("build", "model.json", "--to", "docbook")
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(workspace.files() == ["model.xml"])
    }

    @Test(arguments: [
        ["build"], ["build", "report.md", "--to", "odt"], ["build", "report.md", "--to", "rtf"], ["build", "report.md", "--paper", "a3"],
        ["build", "report.md", "--width", "10"], ["build", "report.md", "--width", "wide"],
        ["build", "report.md", "--epub-split-depth", "0"],
        ["build", "report.md", "--frobnicate"], ["publish", "report.md"], ["build", "report.md", "--to", ""],
    ])
    func usageErrorsExitWithTwo(arguments: [String]) throws {
        let workspace = Workspace(report: CommandTests.valid)
        let result = try CommandRunner.run(arguments, in: workspace.folder)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(!result.stderr.isEmpty)
        #expect(workspace.files().isEmpty)
    }

    @Test func helpAndVersionSucceed() throws {
        let workspace = Workspace()
        #expect(try workspace.run("--help").status == 0)
        #expect(try workspace.run("--version").stdout == Imprint.version + "\n")
    }

    @Test func aMissingReportIsABuildError() throws {
        let result = try Workspace().run("build", "absent.md")
        #expect(result.status == 1)
        #expect(result.stderr == "absent.md:1:1: error: cannot read the file: No such file or directory [file-unreadable]\n")
    }

    /// `build` takes folders (see `FolderBuildTests`); `check` takes one report.
    @Test func aFolderIsNotAReportToCheck() throws {
        let workspace = Workspace(report: CommandTests.valid)
        let result = try workspace.run("check", ".")
        #expect(result.status == 1)
        #expect(result.stderr.contains("it is a folder"))
    }
}

@Suite struct OutputFormatTests {
    @Test func parsesCommaLists() throws {
        #expect(try OutputFormat.parseList("docbook") == [.docbook])
        #expect(try OutputFormat.parseList(" DocBook , docbook ") == [.docbook])
        #expect(try OutputFormat.parseList("xhtml,pdf,docbook") == [.xhtml, .pdf, .docbook])
        #expect(try OutputFormat.parseList("text,brief") == [.text, .brief])
        #expect(throws: DiagnosticError.self) { try OutputFormat.parseList("txt") }
        #expect(throws: DiagnosticError.self) { try OutputFormat.parseList("word") }
        #expect(throws: DiagnosticError.self) { try OutputFormat.parseList(",") }
    }

    @Test func namesOutputsAfterTheReport() {
        #expect(OutputFormat.docbook.fileName(base: "brief") == "brief.xml")
        #expect(Pipeline.baseName(of: "reports/brief.md") == "brief")
        #expect(Pipeline.baseName(of: ".hidden") == ".hidden")
    }
}

@Suite struct AtomicFileTests {
    @Test func writesAllOrNothing() throws {
        let folder = NSTemporaryDirectory() + "imprint-atomic-" + UUID().uuidString
        try AtomicFile.createDirectory(folder + "/a/b")
        try AtomicFile.writeAll([(folder + "/a/b/one.txt", Array("one".utf8))])
        #expect(FileManager.default.contents(atPath: folder + "/a/b/one.txt") == Data("one".utf8))
        #expect(throws: AtomicFile.IOError.self) {
            try AtomicFile.writeAll([
                (folder + "/a/b/two.txt", Array("two".utf8)), (folder + "/missing/three.txt", Array("3".utf8)),
            ])
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: folder + "/a/b")
        #expect(left == ["one.txt"])
    }
}

@Suite struct TextCommandTests {
    @Test func writesBothTextEditions() throws {
        let workspace = Workspace()
        let result = try workspace.run(
            "build", samplesFolder + "/putin-visit-north-korea.md", "--to", "text,brief", "--width", "40", "--ascii")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(workspace.files() == ["putin-visit-north-korea.brief.txt", "putin-visit-north-korea.txt"])
        let text = try #require(workspace.contents("out/putin-visit-north-korea.txt"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 40 })
        #expect(text.contains("Putin's Visit") && !text.contains("’"))
    }
}

@Suite struct EPUBCommandTests {
    @Test func buildsTheEBook() throws {
        let workspace = Workspace()
        let result = try workspace.run("build", samplesFolder + "/arctic-shipping-outlook.md", "--to", "epub", "--epub-split-depth", "2")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(workspace.files() == ["arctic-shipping-outlook.epub"])
    }

    /// A JSON model is not checked for files by the reader; the e-book still reads nothing
    /// outside the report's folder and writes nothing when an image is missing.
    @Test(arguments: [("missing.svg", "does not exist"), ("../outside.svg", "leaves the report's folder"), ("/etc/hostname", "absolute path")])
    func imagesAreCheckedBeforeAnythingIsWritten(source: String, message: String) throws {
        var report = Report(metadata: Metadata(title: "T", identifier: "x"))
        report.lead = [.figure(Figure(number: 1, source: source, caption: [.text("c")], alt: "a"))]
        let workspace = Workspace()
        workspace.write("../outside.svg", Array("<svg xmlns='http://www.w3.org/2000/svg'/>".utf8))
        workspace.write("model.json", [UInt8](try JSONEncoder().encode(report)))
        let result = try workspace.run("build", "model.json", "--to", "docbook,epub")
        #expect(result.status == 1)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(workspace.files().isEmpty)
    }
}
