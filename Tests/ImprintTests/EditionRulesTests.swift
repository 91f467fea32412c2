import Foundation
import ReportTestSupport
import Testing

/// The rules of issue #17 that every edition holds, checked in the editions themselves.
@Suite struct EditionRulesTests {
    /// "Table [](#t)" reads "Table 3" (word and number joined by a no-break space) in
    /// every edition, never "Table Table 3"; without the word before, the label is whole.
    @Test func aReferenceAfterItsLabelsWordDoesNotDoubleIt() throws {
        let report = """
            ---
            title: References
            ---

            ## One

            As Table [](#tbl-x) shows, and as [](#tbl-x) shows again.

            | A | B |
            |---|---|
            | 1 | 2 |

            Table: Figures {#tbl-x}

            """
        let workspace = Workspace(report: report)
        let result = try workspace.run("build", "report.md", "--to", "docbook,xhtml,text")
        try #require(result.status == 0, "\(result.stderr)")
        let text = try #require(workspace.contents("out/report.txt"))
        #expect(text.contains("As Table\u{00A0}1 shows, and as Table\u{00A0}1 shows again."), "\(text)")
        let docbook = try #require(workspace.contents("out/report.xml"))
        #expect(docbook.contains("As Table\u{00A0}<link linkend=\"tbl-x\">1</link> shows, and as <xref linkend=\"tbl-x\"/> shows"), "\(docbook)")
        let xhtml = try #require(workspace.contents("out/report.xhtml"))
        #expect(xhtml.contains("As Table\u{00A0}<a class=\"xref\" href=\"#tbl-x\">1</a> shows, and as <a class=\"xref\" href=\"#tbl-x\">Table\u{00A0}1</a> shows"), "\(xhtml)")
        for edition in [text, docbook, xhtml] { #expect(!edition.contains("Table Table") && !edition.contains("Table\u{00A0}Table")) }
    }

    /// An e-book without a date would be dated 1970-01-01: the build says so, at the front
    /// matter, and still writes it.
    @Test func anUndatedEBookIsWarnedOf() throws {
        let workspace = Workspace(report: "---\ntitle: Undated\n---\n\nText.\n")
        let result = try workspace.run("build", "report.md", "--to", "epub,text")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("report.md:1:1: warning: epub: the report has no date"), "\(result.stderr)")
        #expect(result.stderr.components(separatedBy: "no date").count == 2, "once, for the e-book only")
        let dated = Workspace(report: "---\ntitle: Dated\ndate: 2026-12-05\n---\n\nText.\n")
        let quiet = try dated.run("build", "report.md", "--to", "epub")
        #expect(quiet.status == 0 && !quiet.stderr.contains("warning"), "\(quiet.stderr)")
    }

    /// Every script of the desk's reports prints: the fonts embedded in the PDF cover every
    /// character of its text (emoji, in the colour emoji font, Hangul, CJK, Cyrillic, Hebrew,
    /// Arabic), and a
    /// paragraph that opens in Hebrew or Arabic is marked right to left.
    @Test(.needsOutsideTools, arguments: PDFTests.engines) func everyScriptPrints(engine: String) throws {
        let report = """
            ---
            title: Scripts
            date: 2026-12-05
            ---

            Emoji: 🚢 ⚓ 🌊 🇰🇷 👍🏽. Hangul: 한화오션, 북극항로. CJK: 北极航道. Cyrillic: Северный морской путь.

            שלום עולם — this paragraph opens in Hebrew.

            مرحبا بالعالم — this one in Arabic; 1 and 2 stay digits.

            Hebrew inside: שלום, in a paragraph that opens in English.

            """
        let workspace = Workspace(report: report)
        let result = try workspace.run("build", "report.md", "--to", "pdf,xhtml,docbook", "--pdf-engine", engine)
        try #require(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("warning"), "the engine has nothing to say of Imprint's own style: \(result.stderr)")
        // A Korean word is kept whole (WeasyPrint knows no `word-break: keep-all`).
        #expect(workspace.contents("out/report.xhtml")?.contains(#"Hangul: <span class="keep-all">한화오션,</span> <span class="keep-all">북극항로.</span>"#) == true)
        // Emoji are set in the emoji font, named for them alone; digits are not.
        #expect(workspace.contents("out/report.xhtml")?.contains(#"Emoji: <span class="emoji">🚢</span> <span class="emoji">⚓</span> <span class="emoji">🌊</span> <span class="emoji">🇰🇷</span> <span class="emoji">👍🏽</span>."#) == true)
        #expect(workspace.contents("out/report.xhtml")?.contains("; 1 and 2 stay digits.") == true)
        let fonts = try runProgram("/usr/bin/env", ["pdffonts", workspace.folder + "/out/report.pdf"])
        // WeasyPrint embeds the emoji font; Typst draws its colour glyphs as a Type 3 font.
        #expect(fonts.output.contains(engine == "typst" ? "Type 3" : "Noto-Color-Emoji"), "\(fonts.output)")
        let coverage = try runProgram("/usr/bin/env", ["python3", Self.glyphCoverage, workspace.folder + "/out/report.pdf"])
        #expect(coverage.status == 0 && coverage.output == "ok\n", "\(coverage.output)")
        for edition in ["out/report.xhtml", "out/report.xml"] {
            let text = try #require(workspace.contents(edition))
            #expect(text.components(separatedBy: #"dir="rtl""#).count - 1 == 2, "\(edition): two paragraphs right to left")
        }
        // The check can fail: no font here has Egyptian hieroglyphs.
        let unprintable = Workspace(report: "---\ntitle: H\ndate: 2026-12-05\n---\n\nA hieroglyph: 𓀀.\n")
        let hieroglyph = try unprintable.run("build", "report.md", "--to", "pdf", "--pdf-engine", engine)
        if engine == "typst" {
            // A tagged PDF (PDF/UA-1) may not hold text no font shows: Typst refuses it, and says which.
            #expect(hieroglyph.status == 1 && hieroglyph.stderr.contains("the text `\"𓀀\"` could not be displayed"), "\(hieroglyph.stderr)")
            return
        }
        try #require(hieroglyph.status == 0)
        let missing = try runProgram("/usr/bin/env", ["python3", Self.glyphCoverage, unprintable.folder + "/out/report.pdf"])
        #expect(missing.status == 1 && missing.output.contains("U+13000"), "\(missing.output)")
    }

    /// `Scripts/glyph_coverage.py`, beside this file.
    static let glyphCoverage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts/glyph_coverage.py").path

    /// A short report gets no contents page, and with `title-page: false` no title page:
    /// it fits one page. `toc: true` asks for contents all the same; the e-book's spine has
    /// its contents page only when the print edition does.
    @Test(.needsOutsideTools) func aShortReportIsNotPadded() throws {
        let body = "## One\n\nFirst part.\n\n## Two\n\nSecond part.\n"
        let short = Workspace(report: "---\ntitle: Short\ndate: 2026-12-05\ntitle-page: false\n---\n\n" + body)
        let result = try short.run("build", "report.md", "--to", "pdf,xhtml,epub")
        try #require(result.status == 0, "\(result.stderr)")
        let info = try runProgram("/usr/bin/env", ["pdfinfo", short.folder + "/out/report.pdf"])
        #expect(info.output.contains(/Pages:\s+1\n/), "\(info.output)")
        #expect(short.contents("out/report.xhtml")?.contains(#"<nav class="toc""#) == false)
        #expect(short.contents("out/report.xhtml")?.contains(#"<header class="title-page compact">"#) == true)
        let asked = Workspace(report: "---\ntitle: Short\ndate: 2026-12-05\ntoc: true\n---\n\n" + body)
        try #require(try asked.run("build", "report.md", "--to", "pdf,xhtml").status == 0)
        #expect(asked.contents("out/report.xhtml")?.contains(#"<nav class="toc""#) == true)
        let pages = try runProgram("/usr/bin/env", ["pdfinfo", asked.folder + "/out/report.pdf"])
        #expect(pages.output.contains(/Pages:\s+3\n/), "title page, contents, text: \(pages.output)")
        let wrong = Workspace(report: "---\ntitle: Short\ntoc: sometimes\n---\n\n" + body)
        let refused = try wrong.run("check", "report.md")
        #expect(refused.status == 1 && refused.stderr.contains("report.md:3:6: error: 'toc' must be auto, true or false, not 'sometimes'"), "\(refused.stderr)")
    }
}
