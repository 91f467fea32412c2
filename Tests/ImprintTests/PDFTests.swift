import Foundation
import ReportModel
import ReportTestSupport
import SharedWriting
import Testing
@testable import Imprint

/// The print edition as readers get it: the seed sample's PDF, built by each engine
/// (WeasyPrint and Typst) and read back with poppler-utils.
@Suite(.serialized, .needsOutsideTools) struct PDFTests {
    /// The print engines every parity test runs against.
    static let engines = ["weasyprint", "typst"]

    /// Runs a poppler tool and returns what it printed.
    private func poppler(_ tool: String, _ arguments: [String]) throws -> String {
        let result = try runTool([tool] + arguments)
        try #require(result.status == 0, "\(tool) failed: install poppler-utils (Scripts/bootstrap)")
        return result.output
    }

    /// The text of each page.
    private func pages(of pdf: String) throws -> [String] {
        let text = try poppler("pdftotext", ["-layout", pdf, "-"])
        var pages = text.components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages
    }

    private func build(_ sample: String, engine: String = "weasyprint", _ extra: String...) throws -> (Workspace, String) {
        let workspace = Workspace()
        let result = try workspace.run(["build", samplesFolder + "/" + sample, "--to", "pdf", "--pdf-engine", engine] + extra)
        try #require(result.status == 0, "\(result.stderr)")
        return (workspace, workspace.folder + "/out/" + sample.replacingOccurrences(of: ".md", with: ".pdf"))
    }

    @Test(arguments: engines) func seedSamplePDF(engine: String) throws {
        let (_, pdf) = try build("putin-visit-north-korea.md", engine: engine)
        let info = try poppler("pdfinfo", [pdf])
        #expect(info.contains("Title:           Intel Report: Vladimir Putin’s Visit to North Korea"))
        #expect(info.contains("Author:          SpecialEurasia OSINT Team"))
        #expect(info.contains("Tagged:          yes"))
        #expect(info.contains("(A4)"))
        let pages = try pages(of: pdf)
        try #require(pages.count >= 4)
        let total = pages.count

        // The title page.
        for expected in ["GEOPOLITICAL REPORT", "ISSN 2785-2598", "VOLUME 43, ISSUE 7", "Intel Report: Vladimir Putin’s",
                         "SpecialEurasia OSINT Team", "TLP:CLEAR", "Risk ratings in this sample edition are illustrative"] {
            #expect(pages[0].contains(expected), "title page lacks \(expected)")
        }
        // Every page: the TLP label top and bottom, "Page N of M"; after the title page, the
        // running head (the sample's short title) on one line beside the label.
        for (index, page) in pages.enumerated() {
            let lines = page.split(separator: "\n").map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            let head = lines[0].split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(head.hasSuffix("TLP:CLEAR"), "page \(index + 1): the head \(head) lacks the TLP label")
            if index == 0 {
                #expect(head == "TLP:CLEAR", "the title page has no running head: \(head)")
            } else {
                #expect(head == "Putin’s Visit to North Korea TLP:CLEAR", "page \(index + 1): the head is \(head)")
            }
            #expect(lines.last?.contains("TLP:CLEAR") == true, "page \(index + 1) has no TLP label at the foot")
            #expect(lines.last?.contains("Page \(index + 1) of \(total)") == true, "page \(index + 1) foot: \(lines.last ?? "")")
        }
        // The table of contents gives the pages on which the sections start.
        let contents = try #require(pages.firstIndex { $0.contains("Contents") })
        let entries = pages[contents].split(separator: "\n").compactMap { line -> (String, Int)? in
            guard let match = line.firstMatch(of: /^\s*(?:\d+\s+)?(.+?)\s*\.{3,}\s*(\d+)\s*$/) else { return nil }
            return (String(match.output.1), Int(match.output.2)!)
        }
        #expect(entries.map(\.0) == [
            "Executive Summary", "Vladimir Putin’s Visit to Pyongyang: Background Information", "Geopolitical Scenario",
            "Risk Assessment", "About This Edition",
        ])
        for (title, page) in entries {
            let start = pages.indices.dropFirst(contents + 1).first { index in
                pages[index].split(separator: "\n").dropFirst().contains { $0.contains(title.prefix(30)) }
            }
            #expect(start.map { $0 + 1 } == page, "\(title): contents say page \(page), it starts on \(start.map { $0 + 1 } ?? 0)")
        }
        // The footnote's text is on the page.
        #expect(pages.contains { $0.contains("The original gives no address at this point.") })
        // The risk register and the matrix.
        #expect(pages.contains { $0.contains("Risk register") })
        #expect(pages.contains { $0.contains("Risk matrix.") })
    }

    @Test(arguments: engines) func classificationIsOnEveryPage(engine: String) throws {
        let (_, pdf) = try build("arctic-shipping-outlook.md", engine: engine)
        for (index, page) in try pages(of: pdf).enumerated() {
            let lines = page.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            // At the top the marking is on one line, centred between head and label, as at the foot.
            #expect(lines.first?.contains("UNCLASSIFIED//FOR TRAINING USE ONLY") == true, "page \(index + 1) top: \(lines.prefix(2))")
            #expect(lines.last?.contains("UNCLASSIFIED//FOR TRAINING USE ONLY") == true, "page \(index + 1) foot")
            #expect(lines.last?.contains("TLP:AMBER") == true, "page \(index + 1) foot")
        }
    }

    /// The text block lines up with the running head and the folio (no browser margin
    /// insets it), and a report without a title page opens with its title near the top.
    @Test(arguments: engines) func theTextBlockLinesUpWithTheHeadAndTheFolio(engine: String) throws {
        let (workspace, pdf) = try build("arctic-shipping-outlook.md", engine: engine, "-M", "title-page=false", "-M", "toc=false")
        let boxes = try poppler("pdftotext", ["-bbox", "-f", "1", "-l", "2", pdf, "-"])
        let pages = boxes.components(separatedBy: "<page ").dropFirst().map { page in
            page.matches(of: /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<\/word>/).map {
                (x: Double($0.output.1)!, y: Double($0.output.2)!, text: String($0.output.3))
            }
        }
        try #require(pages.count == 2, "\(boxes.prefix(300))")
        let second = pages[1]
        // The head's first word: the leftmost of the top line.
        let top = try #require(second.map(\.y).min())
        let head = try #require(second.filter { $0.y < top + 3 }.min { $0.x < $1.x })
        let folio = try #require(second.first { $0.text == "Page" })
        let body = second.filter { $0.y > head.y + 30 && $0.y < folio.y - 60 }
        let textLeft = try #require(body.map(\.x).min())
        #expect(abs(textLeft - head.x) < 1 && abs(textLeft - folio.x) < 1, "text at \(textLeft), head at \(head.x), folio at \(folio.x)")
        // The title stands within 40 mm (113 pt) of the page's top.
        let title = try #require(pages[0].first { $0.text == "Ice" })
        #expect(title.y < 113, "the title at \(title.y) pt from the top")
        _ = workspace
    }

    /// An Arabic page opens from the right: the running head and "Page N of M" in its
    /// words at the right margin, the TLP labels at the left, in the head and the foot.
    @Test(arguments: engines) func anArabicPageIsMirrored(engine: String) throws {
        let report = """
            ---
            title: مياه النيل
            lang: ar
            marking: {tlp: AMBER}
            ---

            ## الملخص

            \(String(repeating: "من المرجح أن يستمر الخلاف حتى عام 2027. ", count: 200))
            """
        let workspace = Workspace(report: report)
        let result = try workspace.run("build", "report.md", "--to", "pdf", "--pdf-engine", engine, "-o", "out")
        try #require(result.status == 0, "\(result.stderr)")
        let boxes = try poppler("pdftotext", ["-bbox", "-f", "2", "-l", "2", workspace.folder + "/out/report.pdf", "-"])
        let words = boxes.matches(of: /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/).map {
            (left: Double($0.output.1)!, y: Double($0.output.2)!, right: Double($0.output.3)!, text: String($0.output.4))
        }
        let width = try #require(Double(boxes.firstMatch(of: /<page width="([\d.]+)"/)?.output.1 ?? ""))
        let top = try #require(words.map(\.y).min())
        let bottom = try #require(words.map(\.y).max())
        let labels = words.filter { $0.text.contains("TLP:AMBER") }
        try #require(labels.count == 2, "\(words.map(\.text))")
        #expect(labels.allSatisfy { $0.right < width / 3 }, "\(engine): the TLP labels at \(labels.map(\.left))")
        // (pdftotext may give an Arabic word in its visual order, letters reversed.)
        func isWord(_ text: String, _ word: String) -> Bool { text == word || text == String(word.reversed()) }
        let head = try #require(words.first { $0.y < top + 3 && isWord($0.text, "مياه") })
        #expect(head.left > width * 2 / 3, "\(engine): the running head at \(head.left)")
        let folio = try #require(words.first { $0.y > bottom - 3 && isWord($0.text, "الصفحة") })
        #expect(folio.left > width * 2 / 3, "\(engine): the folio at \(folio.left)")
    }

    /// WeasyPrint sets an SVG's text letter by letter, so Arabic would print reversed and
    /// unjoined: an image's Arabic text reaches it as the outlines librsvg shapes
    /// (`SVGOutlines`), and none of its letters stand in the PDF's text; Typst shapes the
    /// text itself and keeps it as text.
    @Test(arguments: engines) func anSVGImagesArabicTextIsShaped(engine: String) throws {
        let workspace = Workspace(report: """
            ---
            title: مياه النيل
            lang: ar
            ---

            ## السياق

            يبين الشكل التالي التدفق الشهري.

            ![التدفق الشهري](flow.svg)
            """)
        workspace.write("flow.svg", Array("""
            <svg xmlns="http://www.w3.org/2000/svg" width="300" height="80" viewBox="0 0 300 80">
              <text x="150" y="40" font-size="18" text-anchor="middle">منسوب المياه</text>
            </svg>
            """.utf8))
        let result = try workspace.run("build", "report.md", "--to", "pdf", "--pdf-engine", engine, "-o", "out")
        try #require(result.status == 0, "\(result.stderr)")
        let text = try poppler("pdftotext", [workspace.folder + "/out/report.pdf", "-"])
        let word = "منسوب"
        let inText = text.contains(word) || text.contains(String(word.reversed()))
        #expect(inText == (engine == "typst"), "\(engine): \(text)")
    }

    /// A ten-column table is set smaller and keeps within the text block: every word of
    /// every cell is on the page, none past the right margin.
    @Test(arguments: engines) func aWideTableKeepsWithinThePage(engine: String) throws {
        let header = "| Date | Vessel | Flag | Type | Port of call | Transshipment hub | Weapon | Damage | Casualties | Source |"
        let row = "| 2026-02-11 | Rubymar | Belize | Bulk carrier | Constanta | Djibouti | Anti-ship ballistic missile | Sank | None | CENTCOM |"
        let workspace = Workspace(report: "---\ntitle: T\n---\n\n" + header + "\n" + String(repeating: "|---", count: 10) + "|\n" + row + "\n")
        let result = try workspace.run("build", "report.md", "--to", "pdf", "--pdf-engine", engine, "-o", "out")
        try #require(result.status == 0, "\(result.stderr)")
        let boxes = try poppler("pdftotext", ["-bbox", workspace.folder + "/out/report.pdf", "-"])
        let words = boxes.matches(of: /<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/).map {
            (left: Double($0.output.1)!, right: Double($0.output.2)!, text: String($0.output.3))
        }
        // (Typst's edition joins a word at its hyphen with a word joiner.)
        let text = words.map { $0.text.replacingOccurrences(of: "\u{2060}", with: "") }
        for word in (header + row).split(whereSeparator: { $0 == "|" || $0 == " " }).map(String.init) {
            #expect(text.contains(word), "\(engine): '\(word)' is not a word of the page: \(text)")
        }
        // A4 is 595 pt wide; the text block ends at its side margin.
        let edge = try #require(words.first { $0.text == "T" }.map { 595.3 - $0.left })
        #expect(words.allSatisfy { $0.right <= edge + 3 }, "\(engine): \(words.filter { $0.right > edge + 3 })")
    }

    /// The contents list sections and subsections by their numbers alone: no list marker
    /// ("a.", "i.") of the author's nested lists reaches an entry.
    @Test(arguments: engines) func contentsEntriesHaveNoListMarkers(engine: String) throws {
        let (_, pdf) = try build("arctic-shipping-outlook.md", engine: engine)
        let pages = try pages(of: pdf)
        let contents = try #require(pages.first { $0.contains("Contents") })
        let entries = contents.split(separator: "\n").filter { $0.contains("....") }
        #expect(entries.contains { $0.contains("3.1") } && entries.contains { $0.contains("A.1") }, "\(contents)")
        for entry in entries {
            #expect(entry.firstMatch(of: /^\s*(?:[a-z]|[ivx]+|\d+)\.\s/) == nil, "a list marker: \(entry)")
        }
    }

    /// A title too long for the head is cut at a word with an ellipsis, on one line, on
    /// A4 and on Letter alike.
    @Test(arguments: engines) func aLongTitleGivesAOneLineHead(engine: String) throws {
        let title = "Shipping, Sanctions and Sovereignty on the Northern Sea Route: What the Next Three Winters Hold"
        let body = (1...3).map { "## Part \($0)\n\n" + String(repeating: "Words of the part to fill the page. ", count: 60) }
        let workspace = Workspace(report: "---\ntitle: \"\(title)\"\nmarking:\n  tlp: GREEN\n---\n\n" + body.joined(separator: "\n\n"))
        for paper in ["a4", "letter"] {
            let result = try workspace.run("build", "report.md", "--to", "pdf", "--paper", paper, "-o", paper, "--pdf-engine", engine)
            try #require(result.status == 0, "\(result.stderr)")
            let pages = try pages(of: workspace.folder + "/\(paper)/report.pdf")
            try #require(pages.count >= 2)
            for (index, page) in pages.enumerated().dropFirst() {
                let lines = page.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                let head = lines[0].split(whereSeparator: \.isWhitespace).joined(separator: " ")
                #expect(head.hasSuffix("… TLP:GREEN"), "\(paper) page \(index + 1): \(head)")
                #expect(title.hasPrefix(head.dropLast("… TLP:GREEN".count)), "\(paper) page \(index + 1): \(head)")
            }
        }
    }

    /// `--pdf-standard pdf/a-3u` gives a PDF that declares PDF/A-3u in its XMP metadata;
    /// the default is the tagged PDF/UA-1; an unknown standard is refused before any work.
    @Test(arguments: engines) func pdfStandards(engine: String) throws {
        let (workspace, tagged) = try build("putin-visit-north-korea.md", engine: engine)
        // XMP gives a property as an attribute (WeasyPrint) or an element (Typst).
        func declares(_ meta: String, _ property: String, _ value: String) -> Bool {
            meta.contains("\(property)=\"\(value)\"") || meta.contains("<\(property)>\(value)</\(property)>")
        }
        #expect(declares(try poppler("pdfinfo", ["-meta", tagged]), "pdfuaid:part", "1"))
        let result = try workspace.run(
            "build", samplesFolder + "/putin-visit-north-korea.md", "--to", "pdf", "--pdf-standard", "PDF/A-3u", "-o", "archive", "--pdf-engine", engine)
        try #require(result.status == 0, "\(result.stderr)")
        let meta = try poppler("pdfinfo", ["-meta", workspace.folder + "/archive/putin-visit-north-korea.pdf"])
        #expect(declares(meta, "pdfaid:part", "3") && declares(meta, "pdfaid:conformance", "U"), "\(meta)")
        let unknown = try workspace.run("build", samplesFolder + "/putin-visit-north-korea.md", "--to", "pdf", "--pdf-standard", "pdf/z", "-o", "z")
        #expect(unknown.status != 0 && unknown.stderr.contains("--pdf-standard must be one of pdf/ua-1, pdf/ua-2") && unknown.stderr.contains("not 'pdf/z'"), "\(unknown.stderr)")
        #expect(!FileManager.default.fileExists(atPath: workspace.folder + "/z"))
    }

    /// Whether a line of extracted text ends in a word broken by hyphenation: WeasyPrint's
    /// hyphen reads as U+2010, Typst's as a soft hyphen.
    static func endsBroken(_ line: String) -> Bool {
        line.hasSuffix("\u{2010}") || line.hasSuffix("\u{00AD}")
    }

    /// Words are broken only by the dictionary of the report's language, never a word that
    /// starts with a capital (a name, an acronym), and keep three letters or more each side
    /// (with Typst, which cannot be told so, its dictionary's two before the break); a name is
    /// not broken at its own hyphen either.
    @Test(arguments: engines) func hyphenationSparesNamesAndShortParts(engine: String) throws {
        var broken = 0
        for sample in ["putin-visit-north-korea.md", "arctic-shipping-outlook.md"] {
            let (_, pdf) = try build(sample, engine: engine)
            let lines = try poppler("pdftotext", [pdf, "-"]).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (index, line) in lines.enumerated() where Self.endsBroken(line) && index + 1 < lines.count {
                broken += 1
                let before = String(line.dropLast().split(separator: " ").last ?? "")
                let after = String(lines[index + 1].prefix { $0.isLetter })
                #expect(before.first?.isLowercase == true, "\(sample): a capitalised word is broken: \(before)‐\(after)")
                // Typst keeps its dictionaries' own minimum before a break (two letters in English).
                #expect(before.filter(\.isLetter).count >= (engine == "typst" ? 2 : 3) && after.count >= 3, "\(sample): \(before)‐\(after)")
            }
            // Nor is a name broken at its own hyphen ("Kim Jong-" / "un"), which in the seed
            // also set off a WeasyPrint 70 line-breaking fault that left "Kim" alone on a line.
            for line in lines where line.hasSuffix("-") {
                let last = String(line.split(separator: " ").last ?? "")
                #expect(last.first?.isUppercase != true, "\(sample): a name broken at its hyphen: \(last)")
            }
            #expect(!lines.contains("Kim"), "\(sample): a word alone on a line")
        }
        #expect(broken > 0, "the check saw no hyphenated line")
    }

    /// No paragraph's last line holds the rest of a word broken at the end of the line
    /// before it: forty paragraphs of long words, each ending with a full stop (the only
    /// one it has), hyphenate often, and never just before their last line.
    @Test(arguments: engines) func noParagraphEndsWithTheRestOfABrokenWord(engine: String) throws {
        let words = ["the", "characteristically", "internationalisation", "administration", "unquestionably",
                     "responsibilities", "intergovernmental", "misunderstanding", "reconstruction", "infrastructure"]
        var random = SeededGenerator(seed: 7)
        let paragraphs = (0..<40).map { _ in
            (0..<Int.random(in: 12...40, using: &random)).map { _ in words.randomElement(using: &random)! }.joined(separator: " ") + "."
        }
        let workspace = Workspace(report: "---\ntitle: Hyphens\n---\n\n" + paragraphs.joined(separator: "\n\n") + "\n")
        let result = try workspace.run("build", "report.md", "--to", "pdf", "--pdf-engine", engine)
        try #require(result.status == 0, "\(result.stderr)")
        let pages = try poppler("pdftotext", [workspace.folder + "/out/report.pdf", "-"]).components(separatedBy: "\u{0C}")
        var broken = 0
        for page in pages {
            let lines = page.split(separator: "\n").map(String.init)
            broken += lines.filter(Self.endsBroken).count
            for (index, line) in lines.enumerated().dropFirst() where line.hasSuffix(".") && words.contains(where: line.contains) {
                #expect(!Self.endsBroken(lines[index - 1]), "a paragraph ends with the rest of a broken word: \(lines[index - 1]) / \(line)")
            }
        }
        #expect(broken >= 10, "the check saw \(broken) hyphenated lines")
    }

    /// A figure that does not fit below the text of a page leaves no large gap: the
    /// paragraphs that follow it fill the page, and the figure heads the next one.
    @Test(arguments: engines) func textFillsThePageAFigureLeaves(engine: String) throws {
        let figure = ##"<svg xmlns="http://www.w3.org/2000/svg" width="400" height="700"><rect width="400" height="700" fill="#88aabb"/></svg>"##
        let before = (1...15).map { "Before \($0)." }.joined(separator: "\n\n")
        let after = (1...40).map { "After \($0)." }.joined(separator: "\n\n")
        let workspace = Workspace(report: "---\ntitle: Gaps\ntitle-page: false\n---\n\n\(before)\n\n![A tall figure](tall.svg)\n\n\(after)\n",
                                  files: ["tall.svg": Array(figure.utf8)])
        let result = try workspace.run("build", "report.md", "--to", "pdf", "--pdf-engine", engine)
        try #require(result.status == 0, "\(result.stderr)")
        let pages = try pages(of: workspace.folder + "/out/report.pdf")
        try #require(pages.count >= 2)
        #expect(pages[0].contains("Before 15.") && pages[0].contains("After 5."), "the first page leaves the figure's gap: \(pages[0])")
        #expect(pages[1].contains("Figure 1."), "the figure is not on the second page")
    }

    /// The worker mends the lines WeasyPrint 70 leaves holding one word of a paragraph
    /// (`Scripts/line_faults.py`, beside this file, lays a paragraph out at many widths).
    @Test func noWordIsLeftAloneOnALine() throws {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let worker = Repository.path("Sources/PDFWriter/Worker/pdf-worker.py")
        let result = try runProgram("/usr/bin/env", ["python3", here.appendingPathComponent("Scripts/line_faults.py").path, worker])
        #expect(result.status == 0 && result.output == "ok\n", "\(result.output)")
    }

    /// A block that may not break (code) and does not fit below a page's text breaks
    /// across the pages rather than leave a large gap; a small gap is ordinary typesetting
    /// and left (the arctic sample's legend stays whole, on the next page).
    @Test(arguments: engines) func aLongCodeBlockBreaksRatherThanLeaveAGap(engine: String) throws {
        let before = (1...18).map { "Before \($0)." }.joined(separator: "\n\n")
        let code = (1...45).map { String(format: "line %02d = %d", $0, $0 * 7) }.joined(separator: "\n")
        let workspace = Workspace(report: "---\ntitle: Code\ntitle-page: false\n---\n\n\(before)\n\n```\n\(code)\n```\n\nAfter.\n")
        let result = try workspace.run("build", "report.md", "--to", "pdf", "--pdf-engine", engine)
        try #require(result.status == 0, "\(result.stderr)")
        let first = try pages(of: workspace.folder + "/out/report.pdf")[0]
        #expect(first.contains("line 01"), "the code block left the first page's gap: \(first)")
        let (_, arctic) = try build("arctic-shipping-outlook.md", engine: engine)
        let legend = try pages(of: arctic).first { $0.contains("Likelihood terms") }
        #expect(legend?.contains("remote chance") == true && legend?.contains("almost certain") == true, "the legend is whole")
    }

    @Test(arguments: engines) func letterPaper(engine: String) throws {
        let (_, pdf) = try build("putin-visit-north-korea.md", engine: engine, "--paper", "letter")
        #expect(try poppler("pdfinfo", [pdf]).contains("612 x 792 pts (letter)"))
    }

    @Test(arguments: engines) func buildsAreReproducible(engine: String) throws {
        let (first, pdf) = try build("putin-visit-north-korea.md", engine: engine)
        let again = try first.run("build", samplesFolder + "/putin-visit-north-korea.md", "--to", "pdf", "-o", "again", "--pdf-engine", engine)
        #expect(again.status == 0)
        #expect(FileManager.default.contents(atPath: pdf) == FileManager.default.contents(atPath: first.folder + "/again/putin-visit-north-korea.pdf"))
    }

    @Test func aMissingEngineSaysHowToInstallOne() throws {
        let workspace = Workspace(report: CommandTests.valid)
        let result = try workspace.run(
            ["build", "report.md", "--to", "docbook,pdf"], environment: ["IMPRINT_PYTHON": "/nonexistent/python3"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("pip install weasyprint=="), "\(result.stderr)")
        #expect(result.stderr.contains("--to docbook,xhtml,epub,docx,text,brief"))
        #expect(workspace.files().isEmpty)
        // Not asked for by name, the PDF is skipped: the other editions are written, the
        // machine's fix said once (about the machine, at no line of the report), status 3.
        let defaults = try workspace.run(["build", "report.md"], environment: ["IMPRINT_PYTHON": "/nonexistent/python3"])
        #expect(defaults.status == 3, "\(defaults.stderr)")
        #expect(workspace.files() == ["report.brief.txt", "report.css", "report.docx", "report.epub", "report.txt", "report.xhtml", "report.xml"])
        let skip = defaults.stderr.split(separator: "\n").filter { $0.contains("[pdf-skipped]") }
        #expect(skip.count == 1 && skip[0].hasPrefix("warning: pdf: skipped") && skip[0].contains("IMPRINT_PYTHON"), "\(defaults.stderr)")
        try FileManager.default.removeItem(atPath: workspace.folder + "/out")
        // Naming the engine asks for the PDF: it fails, and nothing is written.
        let named = try workspace.run(["build", "report.md", "--pdf-engine", "weasyprint"], environment: ["IMPRINT_PYTHON": "/nonexistent/python3"])
        #expect(named.status == 1 && workspace.files().isEmpty, "\(named.stderr)")
        let other = try workspace.run("build", "report.md", "--to", "docbook,pdf", "--pdf-engine", "/nonexistent/weasyprint")
        #expect(other.status == 1)
        #expect(other.stderr.contains("the PDF engine '/nonexistent/weasyprint' was not found"), "\(other.stderr)")
        #expect(workspace.files().isEmpty)
    }

    @Test func userStyleSheetsComeLast() throws {
        let workspace = Workspace(report: CommandTests.valid)
        workspace.write("mine.css", Array("h2 { color: purple; }\n".utf8))
        let result = try workspace.run("build", "report.md", "--to", "xhtml,pdf", "--css", "mine.css")
        #expect(result.status == 0, "\(result.stderr)")
        let css = try #require(workspace.contents("out/report.css"))
        #expect(css.hasSuffix("h2 { color: purple; }\n"))
        #expect(css.contains("@page {\n  size: A4;"))
        #expect(workspace.contents("out/report.xhtml")?.contains(#"<link rel="stylesheet" href="report.css"/>"#) == true)
        #expect(workspace.files() == ["report.css", "report.pdf", "report.xhtml"])
        let missing = try workspace.run("build", "report.md", "--to", "xhtml", "--css", "absent.css")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("absent.css:1:1: error: --css: cannot read the file"), "\(missing.stderr)")
    }

    /// The house style's values reach WeasyPrint's page through print.css's custom
    /// properties (the key judgment's rule in the blue, its shading, the TLP label's colour),
    /// and a desk's style sheet that sets one property changes every rule that uses it.
    @Test func theHouseStyleReachesThePageAndADeskMaySetIt() throws {
        let report = "---\ntitle: A Report\nmarking:\n  tlp: RED\n---\n\n## Judgments {.key-judgments}\n\n1. **Lead.** Judgment text.\n"
        let workspace = Workspace(report: report)
        workspace.write("maroon.css", Array(":root { --house-accent: #7a1f1f; }\n".utf8))
        func colours(_ extra: [String]) throws -> [UInt32: Int] {
            let result = try workspace.run(["build", "report.md", "--to", "pdf", "-o", "built"] + extra)
            try #require(result.status == 0, "\(result.stderr)")
            // The second page: the judgment, under the running head and its TLP label.
            _ = try poppler("pdftoppm", ["-r", "100", "-f", "2", "-l", "2", "-singlefile", workspace.folder + "/built/report.pdf", workspace.folder + "/page"])
            let image = try #require(FileManager.default.contents(atPath: workspace.folder + "/page.ppm"))
            return Self.colourCounts(ppm: [UInt8](image))
        }
        func count(_ counts: [UInt32: Int], _ hex: String) -> Int { counts[UInt32(hex, radix: 16)!] ?? 0 }
        let house = try colours([])
        #expect(count(house, HouseStyle.accent) > 50, "the judgment's rule in the house blue")
        #expect(count(house, HouseStyle.judgmentShading) > 1000, "the judgment's shading")
        #expect(count(house, TLP.red.colour) > 5, "the TLP label's red")
        let maroon = try colours(["--css", "maroon.css"])
        #expect(count(maroon, HouseStyle.accent) == 0 && count(maroon, "7A1F1F") > 50, "the desk's colour in every rule that takes the blue")
    }

    /// How many pixels of each colour (0xRRGGBB) a binary PPM image (P6, 8 bits) has.
    static func colourCounts(ppm: [UInt8]) -> [UInt32: Int] {
        var fields: [Int] = []
        var index = 2
        while fields.count < 3, index < ppm.count {
            while index < ppm.count, ppm[index] == 0x20 || ppm[index] == 0x0A { index += 1 }
            var value = 0
            while index < ppm.count, (0x30...0x39).contains(ppm[index]) { value = value * 10 + Int(ppm[index] - 0x30); index += 1 }
            fields.append(value)
        }
        var counts: [UInt32: Int] = [:]
        var pixel = index + 1
        while pixel + 2 < ppm.count {
            counts[UInt32(ppm[pixel]) << 16 | UInt32(ppm[pixel + 1]) << 8 | UInt32(ppm[pixel + 2]), default: 0] += 1
            pixel += 3
        }
        return counts
    }

    /// What WeasyPrint makes of the user's style sheet is told at its file, line and
    /// column; a style sheet that cannot be read is said once, however many editions use it.
    @Test func theUsersCSSMistakesAreShown() throws {
        let workspace = Workspace(report: CommandTests.valid)
        workspace.write("mine.css", Array("p { colr: red; }\n\nh1 {\n  color: bluish;\n}\n".utf8))
        let result = try workspace.run("build", "report.md", "--to", "pdf", "--css", "mine.css", "--paper", "letter")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("mine.css:1:5: warning: pdf: WeasyPrint: Ignored `colr: red`, unknown property."), "\(result.stderr)")
        #expect(result.stderr.contains("mine.css:4:3: warning: pdf: WeasyPrint: Ignored `color: bluish`, invalid value."), "\(result.stderr)")
        let strict = try workspace.run("build", "report.md", "--to", "pdf", "--css", "mine.css", "--strict", "-o", "strict")
        #expect(strict.status == 1, "--strict treats them as errors")
        let missing = try workspace.run("build", "report.md", "--to", "xhtml,pdf,epub", "--css", "absent.css", "-o", "missing")
        #expect(missing.status == 1)
        #expect(missing.stderr.components(separatedBy: "absent.css:1:1: error:").count == 2, "\(missing.stderr)")
    }

    @Test func styleSheetsAreFoundFromAnyFolder() throws {
        let result = try Workspace(report: CommandTests.valid).run("build", "report.md", "--to", "xhtml")
        #expect(result.status == 0, "\(result.stderr)")
    }
}

@Suite struct SourceDateTests {
    @Test func prefersTheEnvironmentThenTheReport() {
        var metadata = Metadata(title: "T")
        #expect(SourceDate.epoch(for: metadata, environment: { ["SOURCE_DATE_EPOCH": "1700000000"][$0] }) == 1_700_000_000)
        #expect(SourceDate.epoch(for: metadata, environment: { _ in nil }) == 0)
        metadata.date = .init("2024-06-19")
        #expect(SourceDate.epoch(for: metadata, environment: { _ in nil }) == 1_718_755_200)
        metadata.updated = .init("1970-01-02")
        #expect(SourceDate.epoch(for: metadata, environment: { _ in nil }) == 86_400)
    }
}
