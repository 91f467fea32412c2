import Foundation
import ReportTestSupport
import Testing

/// The Word edition read by real readers: LibreOffice turns each sample's DOCX into a PDF
/// that holds every word of the report, Pandoc reads every word back, python-docx finds
/// Word's styles and the marking in the header and footer, and the package is complete
/// (`Scripts/docx_check.py`, beside this file). The same report gives the same bytes.
@Suite(.serialized, .needsOutsideTools) struct WordEditionTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// What `docx_check.py` finds wrong with `docx`, checked against the model of `report`.
    private func problems(of docx: String, report: String, in workspace: Workspace) throws -> String {
        let model = try workspace.run(["model", report])
        try #require(model.status == 0, "\(model.stderr)")
        workspace.write("model.json", Array(model.stdout.utf8))
        let result = try runProgram(
            "/usr/bin/env",
            ["python3", Self.here.appendingPathComponent("Scripts/docx_check.py").path, docx, "model.json", workspace.folder],
            in: workspace.folder)
        try #require(result.status == 0, "docx_check.py failed (Scripts/bootstrap installs LibreOffice, python-docx, Pandoc): \(result.output)")
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(arguments: ["arctic-shipping-outlook", "putin-visit-north-korea"])
    func eachSampleReadsWholeInLibreOfficePandocAndPythonDocx(sample: String) throws {
        let workspace = Workspace()
        let report = samplesFolder + "/\(sample).md"
        let build = try workspace.run(["build", report, "--to", "docx", "-o", "out"])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(try problems(of: "out/\(sample).docx", report: report, in: workspace) == "")
    }

    /// Built with the PDF, the Word edition's contents carry the print edition's page
    /// numbers, each entry's number the one the PDF's own contents page gives (with either
    /// engine), so that they read right before Word updates the field.
    @Test(arguments: ["weasyprint", "typst"])
    func theContentsTakeThePrintedPageNumbers(engine: String) throws {
        let workspace = Workspace()
        let sample = "arctic-shipping-outlook"
        let build = try workspace.run(["build", samplesFolder + "/\(sample).md", "--to", "pdf,docx", "--pdf-engine", engine, "-o", "out"])
        try #require(build.status == 0, "\(build.stderr)")
        // The PDF's contents page: each entry's title, its leader, its page number.
        let printed = try runTool(["pdftotext", "-f", "2", "-l", "2", "-layout", workspace.folder + "/out/\(sample).pdf", "-"]).output
        var pages: [String: String] = [:]
        for match in printed.matches(of: /(?m)^\s*(\S.*?)\s*\.{5,}\s*(\d+)\s*$/) {
            pages[String(match.output.1).replacing(/\s+/, with: " ")] = String(match.output.2)
        }
        #expect(pages.count >= 8, "\(printed)")
        let xml = try runTool(["unzip", "-p", workspace.folder + "/out/\(sample).docx", "word/document.xml"]).output
        let entries = xml.matches(of: /<w:pStyle w:val="TOC\d"\/>(?s:.*?)<\/w:p>/).map { entry in
            entry.output.matches(of: /<w:t[^>]*>([^<]*)<\/w:t>|<w:tab\/>/).map { $0.output.1.map(String.init) ?? "\t" }.joined()
                .replacingOccurrences(of: "\u{00A0}", with: " ")
        }
        #expect(entries.count == pages.count, "\(entries)")
        for entry in entries {
            let parts = entry.split(separator: "\t")
            try #require(parts.count == 2, "no page number: \(entry)")
            #expect(pages[String(parts[0])] == String(parts[1]), "\(engine): '\(parts[0])' is on page \(pages[String(parts[0])] ?? "?") in print, \(parts[1]) in Word")
        }
        // Without the PDF, no numbers: Word fills them in.
        let alone = try workspace.run(["build", samplesFolder + "/\(sample).md", "--to", "docx", "-o", "alone"])
        try #require(alone.status == 0, "\(alone.stderr)")
        let unnumbered = try runTool(["unzip", "-p", workspace.folder + "/alone/\(sample).docx", "word/document.xml"]).output
        #expect(!unnumbered.contains("w:leader=\"dot\""))
    }

    /// A right-to-left report's Word edition reads right to left: every paragraph is a
    /// right-to-left one (`w:bidi`), every run of Arabic is marked so (`w:rtl`), bold and
    /// italic are set for Arabic too (`w:bCs`, `w:iCs`), tables start at the right
    /// (`w:bidiVisual`); LibreOffice sets a heading's number to the right of its title.
    @Test func aRightToLeftReportReadsRightToLeft() throws {
        let report = """
            ---
            title: مياه النيل
            lang: ar
            ---

            ## الملخص

            من المرجح أن يستمر *الخلاف* حتى عام 2027.

            ## الأحكام الرئيسية {.key-judgments}

            1. **لا اتفاق قريب:** من غير المرجح توقيع اتفاق. {likelihood=unlikely confidence=moderate}

            | السنة | التدفق |
            |:--|--:|
            | 2022 | 49.5 |
            """
        let workspace = Workspace(report: report)
        let build = try workspace.run("build", "report.md", "--to", "docx", "-o", "out")
        try #require(build.status == 0, "\(build.stderr)")
        let xml = try runTool(["unzip", "-p", workspace.folder + "/out/report.docx", "word/document.xml"]).output
        let body = try #require(xml.components(separatedBy: "<w:body>").last)
        let paragraphs = body.components(separatedBy: "<w:p>").dropFirst()
        #expect(paragraphs.count > 8 && paragraphs.allSatisfy { $0.contains("<w:bidi/>") }, "every paragraph right to left")
        for run in body.components(separatedBy: "<w:r>").dropFirst() where run.contains(/<w:t[^>]*>[^<]*\p{Arabic}/) {
            #expect(run.contains("<w:rtl/>"), "a run of Arabic without w:rtl: \(run.prefix(200))")
        }
        #expect(body.components(separatedBy: "<w:b/>").count == body.components(separatedBy: "<w:bCs/>").count)
        #expect(body.components(separatedBy: "<w:i/>").count == body.components(separatedBy: "<w:iCs/>").count)
        #expect(body.contains("<w:b/>") && body.contains("<w:i/>"))
        #expect(body.components(separatedBy: "<w:tbl>").count == body.components(separatedBy: "<w:bidiVisual/>").count)
        // LibreOffice's PDF: the first heading's number stands to the right of its title.
        let profile = "file://" + workspace.folder + "/lo-profile"
        let convert = try runTool(["soffice", "-env:UserInstallation=" + profile, "--headless", "--convert-to", "pdf", "--outdir", workspace.folder, workspace.folder + "/out/report.docx"])
        try #require(convert.status == 0, "LibreOffice (Scripts/bootstrap installs it): \(convert.output)")
        let boxes = try runTool(["pdftotext", "-bbox", workspace.folder + "/report.pdf", "-"]).output
        let words = boxes.matches(of: /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/).map {
            (x: Double($0.output.1)!, y: Double($0.output.2)!, right: Double($0.output.3)!, text: String($0.output.4))
        }
        // (pdftotext gives Arabic words in the order their letters stand, right to left.)
        let title = try #require(words.first { $0.text.contains("صخلملا") }, "\(words.map(\.text))")
        let number = try #require(words.first { $0.text == "1" && $0.y == title.y }, "\(words.map(\.text))")
        #expect(number.x > title.right, "the number \(number) stands left of its title \(title)")
    }

    /// Word edition tables as a publisher sets them: a ten-column table whose words cannot
    /// fit the page goes on a page of its own turned on its side, heading and caption with
    /// it, no word broken; columns take the width their content asks; no row splits; the
    /// matrix stays on one page; the contents field is filled in as Word opens the document.
    @Test func tablesFitTheirWordsAndTheirPage() throws {
        let report = """
            ---
            title: Red Sea Shipping
            toc: true
            ---

            ## Summary

            Attacks continue.

            ## Incident record

            | Date | Vessel | Flag | Type | Port of call | Transshipment hub | Weapon | Damage | Casualties | Source |
            |---|---|---|---|---|---|---|---|---|---|
            | 2026-01-04 | Marlin Luanda | Marshall Islands | Tanker | TangerMed | Jebel Ali | Anti-ship ballistic missile | Fire in cargo tank | None | UKMTO |

            Table: Incidents against merchant ships

            | Port | Calls |
            |---|---|
            | Jeddah | 120 |

            ## Risks {.risks}

            1. **Cables cut.** Anchors drag. {likelihood=likely impact=major confidence=moderate}
            """
        let workspace = Workspace(report: report)
        let build = try workspace.run("build", "report.md", "--to", "docx", "-o", "out")
        try #require(build.status == 0, "\(build.stderr)")
        let docx = workspace.folder + "/out/report.docx"
        let xml = try runTool(["unzip", "-p", docx, "word/document.xml"]).output
        #expect(try runTool(["unzip", "-p", docx, "word/settings.xml"]).output.contains(##"<w:updateFields w:val="true"/>"##))
        // An upright section ends before the heading; the side-turned one after the table.
        // (The heading's text stands first in the contents.)
        let heading = try #require(xml.range(of: ">Incident record<", options: .backwards))
        let upright = try #require(xml.range(of: "<w:sectPr>", options: [], range: xml.startIndex..<heading.lowerBound))
        #expect(!xml[upright.upperBound..<heading.lowerBound].contains("w:orient"))
        let table = try #require(xml.range(of: ">TangerMed<"))
        let turned = try #require(xml.range(of: "<w:sectPr>", range: table.upperBound..<xml.endIndex))
        #expect(xml[turned.upperBound...].prefix(300).contains(##"w:orient="landscape""##), "\(xml[turned.upperBound...].prefix(300))")
        // Its header and footer reach the page's right margin.
        #expect(xml[turned.upperBound...].prefix(300).contains(##"r:id="rHeaderWide""##))
        #expect(try runTool(["unzip", "-p", docx, "word/footer2.xml"]).output.contains(##"w:pos="\##(16838 - 2 * 1134)""##))
        // Every row holds together; the matrix's cells keep with the next.
        #expect(xml.components(separatedBy: "<w:tr>").count == xml.components(separatedBy: "<w:cantSplit/>").count)
        let matrix = try #require(xml.components(separatedBy: "<w:tbl>").first { $0.contains(#"Likelihood \ Impact"#) })
        #expect(matrix.contains("almost certain") && matrix.components(separatedBy: "<w:keepNext/>").count > 7 * 6)
        // The narrow table's columns share the line as their content asks: the port's is wider.
        let narrow = try #require(xml.components(separatedBy: "<w:tbl>").first { $0.contains(">Jeddah<") })
        let columns = narrow.matches(of: /<w:gridCol w:w="(\d+)"\/>/).map { Int($0.output.1)! }
        #expect(columns.count == 2 && columns[0] > columns[1], "\(columns)")

        // LibreOffice sets the wide table on a landscape page, every word whole.
        let profile = "file://" + workspace.folder + "/lo-profile"
        let convert = try runTool(["soffice", "-env:UserInstallation=" + profile, "--headless", "--convert-to", "pdf", "--outdir", workspace.folder, docx])
        try #require(convert.status == 0, "LibreOffice (Scripts/bootstrap installs it): \(convert.output)")
        let pdf = workspace.folder + "/report.pdf"
        let pages = try runTool(["pdftotext", "-layout", pdf, "-"]).output.components(separatedBy: "\u{0C}")
        let page = try #require(pages.firstIndex { $0.contains("TangerMed") }, "a word of the table is broken: \(pages)")
        for word in ["Transshipment", "Casualties", "Incident record", "ballistic"] { #expect(pages[page].contains(word), "\(word): \(pages[page])") }
        let size = try runTool(["pdfinfo", "-f", String(page + 1), "-l", String(page + 1), pdf]).output
        let dimensions = try #require(size.firstMatch(of: /size:\s+([\d.]+) x ([\d.]+)/))
        #expect(Double(dimensions.output.1)! > Double(dimensions.output.2)!, "the table's page is upright: \(size)")
    }

    @Test func theSameReportGivesTheSameBytes() throws {
        let workspace = Workspace()
        let report = samplesFolder + "/arctic-shipping-outlook.md"
        _ = try workspace.run(["build", report, "--to", "docx", "-o", "a.docx"])
        _ = try workspace.run(["build", report, "--to", "docx", "-o", "b.docx"])
        let first = try #require(FileManager.default.contents(atPath: workspace.folder + "/a.docx"))
        #expect(first.count > 10_000)
        #expect(first == FileManager.default.contents(atPath: workspace.folder + "/b.docx"))
    }

    /// What a hostile or odd report holds (an address never made a link, control characters,
    /// lists deeper than Word's nine levels, ragged tables, notes in tables, a PNG and an
    /// SVG, cross-references to risks and items) still makes a package every reader reads.
    @Test func anOddReportGivesAValidPackage() throws {
        let png: [UInt8] = [
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01,
            0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41,
            0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0, 0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00,
            0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
        ]
        let deep = (0..<12).map { String(repeating: "  ", count: $0) + "- level\($0)word" }.joined(separator: "\n")
        let report = """
            ---
            title: "Odd <report> & \\"quotes\\""
            marking:
              tlp: RED
              classification: SECRET//TEST
            ---

            ## Odd {#odd}

            A [bad link](javascript:alert(1)) and a [good one](https://example.org "tip") and \u{1}control.
            See [](#r1) and [](#item) and [](#fig-png).

            \(deep)

            3. numbered startword {#item}
            4. nextword

            | a | b |
            |---|---|
            | cellword[^n] | 2 | 3 |

            ![Pixel caption](pixel.png){#fig-png width=50%}

            ![Route](route.svg)

            ## Risks {.risks}

            1. **Riskword:** describedword {#r1 likelihood=likely impact=severe}

            [^n]: Noteword in a table.
            """
        let svg = ##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20"><rect width="40" height="20" fill="#336699"/></svg>"##
        let workspace = Workspace(report: report, files: ["pixel.png": png, "route.svg": Array(svg.utf8)])
        let build = try workspace.run(["build", "report.md", "--to", "docx", "-o", "out"])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(try problems(of: "out/report.docx", report: "report.md", in: workspace) == "")
    }

    /// The styles of `--reference-doc` (here Pandoc's own reference document) replace
    /// Imprint's of the same id; Imprint's own fill in the rest.
    @Test func aReferenceDocumentRestylesTheEdition() throws {
        let workspace = Workspace()
        let pandoc = try runProgram("/usr/bin/env", ["python3", "-c", "import pypandoc; print(pypandoc.get_pandoc_path())"])
        let made = try runProgram(
            pandoc.output.trimmingCharacters(in: .whitespacesAndNewlines), ["-o", "reference.docx", "--print-default-data-file", "reference.docx"],
            in: workspace.folder)
        try #require(made.status == 0, "\(made.output)")
        let report = samplesFolder + "/arctic-shipping-outlook.md"
        let build = try workspace.run(["build", report, "--to", "docx", "-o", "out", "--reference-doc", "reference.docx"])
        #expect(build.status == 0, "\(build.stderr)")
        let styles = try runProgram("/usr/bin/unzip", ["-p", "out/arctic-shipping-outlook.docx", "word/styles.xml"], in: workspace.folder).output
        let title = try #require(styles.firstRange(of: #/(?s)<w:style [^>]*w:styleId="Title".*?</w:style>/#).map { String(styles[$0]) })
        #expect(title.contains(#"<w:jc w:val="center"/>"#), "Pandoc's title is centred: \(title)")
        #expect(styles.contains(#"w:styleId="KeyJudgment""#))
        #expect(try problems(of: "out/arctic-shipping-outlook.docx", report: report, in: workspace) == "")
    }

    /// A template that is not a Word document, whose styles are not well-formed, or whose
    /// styles declare a document type (which could declare entities), is an error at its
    /// file (and line, inside the template's styles), and nothing is written.
    @Test(arguments: ["not a zip", "doctype", "broken"])
    func aBadReferenceDocumentIsAnError(kind: String) throws {
        let workspace = Workspace(report: "---\ntitle: T\n---\n\nText.\n")
        if kind == "not a zip" {
            workspace.write("reference.docx", Array("plain text".utf8))
        } else {
            let styles = kind == "broken" ? "<?xml version=\"1.0\"?>\n<w:styles>\n<w:style>\n" : #"<?xml version="1.0"?><!DOCTYPE w:styles [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:styleId="Title">&x;</w:style></w:styles>"#
            let script = "import sys, zipfile; zipfile.ZipFile('reference.docx', 'w').writestr('word/styles.xml', sys.argv[1])"
            _ = try runProgram("/usr/bin/env", ["python3", "-c", script, styles], in: workspace.folder)
        }
        let build = try workspace.run(["build", "report.md", "--to", "docx", "--reference-doc", "reference.docx"])
        #expect(build.status == 1)
        #expect(build.stderr.contains("[reference-doc-invalid]"), "\(build.stderr)")
        let place = kind == "not a zip" ? "reference.docx:1:1: error:" : kind == "doctype" ? "reference.docx (word/styles.xml):1:1: error:" : "reference.docx (word/styles.xml):2:10: error:"
        #expect(build.stderr.hasPrefix(place), "\(build.stderr)")
        #expect(workspace.files().isEmpty)
    }
}
