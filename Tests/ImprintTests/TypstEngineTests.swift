import Foundation
import ReportTestSupport
import SharedWriting
import Testing

/// The Typst print path as a desk and an attacker meet it: the report is data to the house
/// template, never code; the Typst source edition compiles as it stands; the choices that
/// cannot go with Typst are refused with words that name them. (What both engines share,
/// page by page, is in `PDFTests`.)
@Suite(.serialized, .needsOutsideTools) struct TypstEngineTests {
    private func text(of pdf: String) throws -> String {
        let result = try runTool(["pdftotext", "-layout", pdf, "-"])
        try #require(result.status == 0, "pdftotext failed: install poppler-utils (Scripts/bootstrap)")
        return result.output
    }

    /// Typst's own syntax in a report is printed as written: no markup, code, import, file
    /// read or label of the report's reaches Typst as anything but text.
    @Test func aReportsTextIsNeverTypstCode() throws {
        let attempts = [
            "#read(/etc/passwd)", "#import @preview/cetz:0.3.0", "#sys.inputs", "$x^2$ and #emph[x]", "<label> and @ref",
            "#let x = 1 #x", "]) and [", "#set page(width: 1cm)",
        ]
        let body = attempts.map { "Text: \($0) end." }.joined(separator: "\n\n")
        let workspace = Workspace(report: "---\ntitle: \"#eval(1)\"\ndate: 2026-12-07\n---\n\n\(body)\n\nCode: `#read(\"/etc/hostname\")`.\n")
        let result = try workspace.run("build", "report.md", "--to", "pdf", "--pdf-engine", "typst")
        try #require(result.status == 0, "\(result.stderr)")
        let printed = try text(of: workspace.folder + "/out/report.pdf")
        for attempt in attempts {
            #expect(printed.contains("Text: \(attempt) end."), "\(attempt) is not printed as written: \(printed)")
        }
        #expect(printed.contains("#eval(1)") && printed.contains(#"Code: #read("/etc/hostname")."#), "\(printed)")
        #expect(!printed.contains("root:x:0"), "a file outside the report was read")
        #expect(try runTool(["pdfinfo", workspace.folder + "/out/report.pdf"]).output.contains("595.276 x 841.89 pts (A4)"))
    }

    /// `--to typst` writes the house template with the print XHTML, the print values and the
    /// images beside it; Typst compiles it as it stands, to the pages of the engine's PDF.
    @Test func theTypstEditionCompilesAsItStands() throws {
        let workspace = Workspace()
        let result = try workspace.run(
            "build", samplesFolder + "/arctic-shipping-outlook.md", "--to", "typst,pdf", "--pdf-engine", "typst", "-o", "t")
        try #require(result.status == 0, "\(result.stderr)")
        #expect(
            workspace.files(under: "t") == [
                "arctic-shipping-outlook.pdf", "arctic-shipping-outlook.typ", "arctic-shipping-outlook.typ.json",
                "arctic-shipping-outlook.typ.xhtml", "images", "images/arctic-cover.svg", "images/nsr-route.svg",
            ])
        let compiled = try runProgram(
            "/usr/bin/env", ["python3", "-c", "import typst; typst.compile('arctic-shipping-outlook.typ', output='compiled.pdf', timestamp=0)"],
            in: workspace.folder + "/t")
        try #require(compiled.status == 0, "\(compiled.output)")
        // The same words on the same pages, wherever it was compiled.
        let engine = try text(of: workspace.folder + "/t/arctic-shipping-outlook.pdf")
        #expect(engine.contains("Ice and Iron") && engine.contains("Risk matrix."))
        #expect(try text(of: workspace.folder + "/t/compiled.pdf") == engine)
        #expect(!result.stderr.contains("warning"), "\(result.stderr)")
    }

    /// The choices Typst cannot honour are refused before any work, in words that name the
    /// choice: a style sheet (from the command line or a desk), a standard Typst cannot make;
    /// a desk may choose an engine by name, never a command.
    @Test func choicesTypstCannotHonourAreRefused() throws {
        let workspace = Workspace(report: CommandTests.valid, files: ["extra.css": Array("p { color: red }".utf8)])
        let css = try workspace.run("build", "report.md", "--to", "pdf", "--pdf-engine", "typst", "--css", "extra.css")
        #expect(css.status != 0 && css.stderr.contains("--css cannot be used with --pdf-engine typst"), "\(css.stderr)")
        let standard = try workspace.run("build", "report.md", "--to", "pdf", "--pdf-engine", "typst", "--pdf-standard", "pdf/ua-2")
        #expect(standard.status == 1 && standard.stderr.contains("Typst cannot make pdf/ua-2"), "\(standard.stderr)")
        #expect(workspace.files().isEmpty)

        workspace.write("imprint.yml", Array("pdf-engine: typst\ncss: extra.css\n".utf8))
        let desk = try workspace.run("build", "report.md", "--to", "pdf")
        #expect(desk.status == 1 && desk.stderr.contains("imprint.yml:2:") && desk.stderr.contains("'css' cannot be used with the desk's 'pdf-engine: typst'"), "\(desk.stderr)")
        workspace.write("imprint.yml", Array("pdf-engine: /bin/sh\n".utf8))
        let command = try workspace.run("build", "report.md", "--to", "pdf")
        #expect(command.status == 1 && command.stderr.contains("'pdf-engine' must be weasyprint or typst, not '/bin/sh'"), "\(command.stderr)")
        #expect(workspace.files().isEmpty)
        workspace.write("imprint.yml", Array("pdf-engine: typst\n".utf8))
        let chosen = try workspace.run("build", "report.md", "--to", "pdf")
        #expect(chosen.status == 0, "\(chosen.stderr)")
        #expect(try runTool(["pdfinfo", workspace.folder + "/out/report.pdf"]).output.contains("Typst"))
    }

    @Test func aMissingTypstSaysHowToInstallIt() throws {
        let workspace = Workspace(report: CommandTests.valid)
        let result = try workspace.run(
            ["build", "report.md", "--to", "docbook,pdf", "--pdf-engine", "typst"], environment: ["IMPRINT_PYTHON": "/nonexistent/python3"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("pip install typst=="), "\(result.stderr)")
        #expect(workspace.files().isEmpty)
    }

    /// Right to left throughout: Arabic text reads in its order in the body, the register
    /// and a figure's own drawing (which WeasyPrint prints letter-reversed).
    @Test func arabicReadsInOrderInTheTextAndTheFigures() throws {
        let drawing = #"<svg xmlns="http://www.w3.org/2000/svg" width="300" height="80"><text x="20" y="40" font-size="16">سد النهضة</text></svg>"#
        let report = """
            ---
            title: مياه النيل
            date: 2025-05-01
            lang: ar
            ---

            ## الملخص

            من المرجح أن يستمر الخلاف حول السد.

            ![مجرى النيل](nile.svg)

            ## المخاطر {.risks}

            1. **جفاف ممتد:** سنوات جفاف متتالية. {likelihood=likely impact=severe confidence=moderate}

            """
        let workspace = Workspace(report: report, files: ["nile.svg": Array(drawing.utf8)])
        let result = try workspace.run("build", "report.md", "--to", "pdf", "--pdf-engine", "typst")
        try #require(result.status == 0, "\(result.stderr)")
        // pdftotext marks the runs' directions (U+202A–U+202E), and gives a lam-alef
        // ligature back as alef, lam: words without one are compared.
        let marks = Set("\u{200E}\u{200F}\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}".unicodeScalars)
        let printed = String(String.UnicodeScalarView(try runTool(["pdftotext", workspace.folder + "/out/report.pdf", "-"]).output.unicodeScalars.filter { !marks.contains($0) }))
        #expect(printed.contains("من المرجح أن يستمر"), "\(printed)")
        #expect(printed.contains("سد النهضة"), "the figure's own Arabic text is in reading order: \(printed)")
        #expect(printed.contains("جفاف ممتد"), "\(printed)")
    }

    /// Every language Imprint localises prints with Typst (every character covered, or the
    /// tagged PDF is refused), its pages numbered in its own words.
    @Test(arguments: Words.languages)
    func everyLanguagePrints(language: String) throws {
        let workspace = Workspace()
        let result = try workspace.run([
            "build", samplesFolder + "/putin-visit-north-korea.md", "-M", "lang=\(language)", "--to", "pdf", "--pdf-engine", "typst", "-o", "out",
        ])
        try #require(result.status == 0, "\(language): \(result.stderr)")
        let pdf = workspace.folder + "/out/putin-visit-north-korea.pdf"
        let coverage = try runProgram("/usr/bin/env", ["python3", EditionRulesTests.glyphCoverage, pdf])
        #expect(coverage.status == 0 && coverage.output == "ok\n", "\(language): \(coverage.output)")
        // The first page's foot, in the language's words; compared without spaces and the
        // direction marks pdftotext adds.
        let ignored = Set(" \n\u{200E}\u{200F}\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}".unicodeScalars)
        func bare(_ text: String) -> String { String(String.UnicodeScalarView(text.unicodeScalars.filter { !ignored.contains($0) })) }
        let pages = try runTool(["pdfinfo", pdf]).output.firstMatch(of: /Pages:\s+(\d+)/).map { String($0.output.1) } ?? "?"
        let foot = Words(language: language)[.pageOfPages].replacingOccurrences(of: "{page}", with: "1").replacingOccurrences(of: "{pages}", with: pages)
        let first = try runTool(["pdftotext", pdf, "-"]).output.components(separatedBy: "\u{0C}")[0]
        // A right-to-left line with digits comes out of pdftotext in the order it is drawn.
        let found = bare(first).contains(bare(foot)) || bare(first).contains(bare(foot.split(separator: " ").reversed().joined(separator: " ")))
        #expect(found, "\(language): no '\(foot)' on the first page: \(first)")
    }

    /// What an analyst writes that Typst might choke on builds: a block of upper-case hashes,
    /// a paragraph of hundreds of capitalised words (names are never hyphenated, word by
    /// word), a heading with the contents title's id; a report nested deeper than Typst can
    /// go is refused in words that name the way out.
    @Test func whatAnalystsWriteBuilds() throws {
        let hashes = (0..<40).map { String(repeating: String(format: "%02X", $0 * 7 % 256), count: 32) }.joined(separator: "\n")
        let names = (0..<600).map { "Name\($0)" }.joined(separator: " ")
        let report = "---\ntitle: Indicators\ntoc: true\n---\n\n## Contents {#toc-title}\n\n```\n\(hashes)\n```\n\n\(names).\n\n## More\n\nText.\n"
        let workspace = Workspace(report: report)
        let result = try workspace.run("build", "report.md", "--to", "pdf", "--pdf-engine", "typst")
        #expect(result.status == 0, "\(result.stderr)")
        let deep = (0..<24).map { String(repeating: "  ", count: $0) + "- level \($0)" }.joined(separator: "\n")
        let nested = Workspace(report: "---\ntitle: Deep\n---\n\n\(deep)\n")
        let refused = try nested.run("build", "report.md", "--to", "pdf", "--pdf-engine", "typst")
        #expect(refused.status == 1 && refused.stderr.contains("more than Typst sets") && refused.stderr.contains("--pdf-engine weasyprint"), "\(refused.stderr)")
        #expect(nested.files().isEmpty)
    }

    /// A private folder a killed Imprint left (it holds a report's text) is removed by the
    /// next Imprint that starts Typst; one of a process still running is left alone.
    @Test func aKilledBuildsFolderIsSweptAway() throws {
        let temporary = NSTemporaryDirectory().hasSuffix("/") ? String(NSTemporaryDirectory().dropLast()) : NSTemporaryDirectory()
        let gone = temporary + "/imprint-typst-999999999-test\(UUID().uuidString.prefix(6))"
        let alive = temporary + "/imprint-typst-1-test\(UUID().uuidString.prefix(6))"
        for folder in [gone, alive] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
            FileManager.default.createFile(atPath: folder + "/document.xhtml", contents: Data("secret".utf8))
        }
        defer { try? FileManager.default.removeItem(atPath: alive) }
        let workspace = Workspace(report: CommandTests.valid)
        let result = try workspace.run("build", "report.md", "--to", "pdf", "--pdf-engine", "typst")
        try #require(result.status == 0, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: gone), "the leftover of a process that is gone stays")
        #expect(FileManager.default.fileExists(atPath: alive), "the folder of a running process (pid 1) was removed")
        let left = try FileManager.default.contentsOfDirectory(atPath: temporary).filter { $0.hasPrefix("imprint-typst-") && !$0.contains("-test") }
        #expect(left.allSatisfy { !$0.hasPrefix("imprint-typst-\(ProcessInfo.processInfo.processIdentifier)-") })
    }
}
