import Foundation
import ReportModel
import ReportTestSupport
import SharedWriting
import Testing

/// A report in French or Korean gets French or Korean editions: the seed sample, with
/// `lang:` set to each language Imprint ships, built in every edition, has none of
/// Imprint's own English words left (the yardstick's terms included; only the author's
/// stay), and its PDF counts its pages in the language.
@Suite(.serialized, .needsOutsideTools) struct LocalisedEditionsTests {
    private static let english = Words(language: "en")
    private static let seed = samplesFolder + "/putin-visit-north-korea.md"
    private static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    @Test(arguments: Words.languages.filter { $0 != "en" && $0 != "zh-hans" })
    func noEnglishWordOfImprintsOwnIsLeft(language: String) throws {
        let workspace = Workspace()
        let result = try workspace.run(["build", Self.seed, "-M", "lang=\(language)", "-M", "date=2026-01-15", "-M", "updated=2026-02-01", "-o", "out"])
        try #require(result.status == 0, "\(result.stderr)")
        let folder = workspace.folder + "/out/"
        var editions: [(String, String)] = []
        for file in ["putin-visit-north-korea.xml", "putin-visit-north-korea.xhtml", "putin-visit-north-korea.txt", "putin-visit-north-korea.brief.txt"] {
            editions.append((file, try #require(workspace.contents("out/" + file))))
        }
        let pdf = try runTool(["pdftotext", "-layout", folder + "putin-visit-north-korea.pdf", "-"])
        try #require(pdf.status == 0, "pdftotext (Scripts/bootstrap installs poppler-utils)")
        editions.append(("PDF", pdf.output))
        let book = try runTool(["unzip", "-p", folder + "putin-visit-north-korea.epub", "*.xhtml", "*.opf", "*.ncx", "*.svg"])
        try #require(book.status == 0 && book.output.contains("<html"), "unzip (Scripts/bootstrap installs it)")
        editions.append(("e-book", book.output))
        // What the markup says to readers: its text, and its alternative texts and titles.
        editions = editions.map { edition, text in
            guard text.contains("<") else { return (edition, text) }
            return (edition, text.replacing(/<[^>]*>/) { tag in
                " " + tag.output.matches(of: /(?:alt|aria-label|title)="([^"]*)"/).map { String($0.output.1) }.joined(separator: " ") + " "
            })
        }

        let words = Words(language: language)
        let source = try String(contentsOfFile: Self.seed, encoding: .utf8)
        let localised = Word.allCases.map { words[$0] }.joined(separator: "\n")
        for word in Word.allCases where words[word] != Self.english[word] {
            for fragment in Self.fragments(of: Self.english[word]) where !source.contains(fragment) && !localised.contains(fragment) {
                for (edition, text) in editions where text.contains(Self.wordPattern(fragment)) {
                    Issue.record("\(language) \(edition): Imprint's English '\(fragment)' (\(word.rawValue)) is left")
                }
            }
        }
        for month in Self.months where !source.contains(month) {
            for (edition, text) in editions where text.contains(Self.wordPattern(month)) {
                Issue.record("\(language) \(edition): the English month '\(month)' is left")
            }
        }
        // The PDF's foot counts its pages in the language.
        let pages = try #require(Int(runTool(["pdfinfo", folder + "putin-visit-north-korea.pdf"]).output.firstMatch(of: /Pages:\s+(\d+)/)?.1 ?? ""))
        // (Right-to-left text comes out in its visual order: each word is looked for.)
        let first = pdf.output.components(separatedBy: "\u{0C}")[0]
        let foot = words(.pageOfPages, ["page": "1", "pages": String(pages)])
        #expect(foot.split(separator: " ").allSatisfy { first.contains($0) }, "\(language): the first page's foot is not '\(foot)'")
        #expect(editions[2].1.contains(words[.notes]) || !editions[2].1.contains("[1]"), "\(language): the text's notes heading")
    }

    /// Imprint's own punctuation and appendix labels are the report's language's in every
    /// edition: a French report's lead-ins, assessments, grades and percentages with a
    /// narrow no-break space before the colon and the percent sign (a lead-in before a new
    /// sentence ending with a full stop, for French sets no capital after a colon), its
    /// appendix called "Annexe A" in its heading and contents.
    @Test func frenchPunctuationAndAppendicesInEveryEdition() throws {
        let report = """
            ---
            title: Le Sahel
            lang: fr
            toc: true
            ---

            ## Jugements clés {.key-judgments}

            1. **Les juntes tiennent.** Elles gardent les capitales. {likelihood=likely confidence=moderate}
            2. **Les routes:** coupées au nord. {likelihood=likely}

            ## Sources {.sources}

            1. Entretien, Bamako. {grade=B2}

            ## Méthode {.appendix}

            Texte.
            """
        let workspace = Workspace(report: report)
        let result = try workspace.run("build", "report.md", "--to", "text,xhtml,docx,epub", "-o", "out")
        try #require(result.status == 0, "\(result.stderr)")
        let text = try #require(workspace.contents("out/report.txt"))
        let xhtml = try #require(workspace.contents("out/report.xhtml"))
        // The Word edition's text is its runs' text, joined (its XML is indented between them).
        let document = try runTool(["unzip", "-p", workspace.folder + "/out/report.docx", "word/document.xml"]).output
            .matches(of: /<w:t[^>]*>([^<]*)<\/w:t>/).map { String($0.output.1) }.joined()
            .replacingOccurrences(of: "\u{2060}", with: "")  // (the word joiner that keeps a band whole)
        let book = try runTool(["unzip", "-p", workspace.folder + "/out/report.epub", "*.xhtml"]).output
        let narrow = "\u{202F}"
        #expect(text.contains("Les juntes tiennent. Elles gardent"), "\(text)")
        #expect(text.contains("Les routes\(narrow): coupées"), "\(text)")
        #expect(text.contains("Probabilité\(narrow): probable (55–80\(narrow)%)"), "\(text)")
        #expect(text.contains("Cote B2\(narrow): source habituellement fiable\(narrow); information"), "\(text)")
        #expect(text.contains("Annexe\u{00A0}A\(narrow): Méthode"), "\(text)")
        for (edition, markup) in [("XHTML", xhtml), ("Word", document), ("e-book", book)] {
            let words = markup.replacing(/<[^>]*>/, with: "").replacingOccurrences(of: "&#x202F;", with: narrow)
                .replacingOccurrences(of: "&#xA0;", with: "\u{00A0}")
            #expect(words.contains("Les juntes tiennent. Elles"), "\(edition): the lead-in before a sentence")
            #expect(words.contains("Les routes\(narrow): coupées"), "\(edition): the lead-in")
            #expect(words.contains("Probabilité\(narrow): probable"), "\(edition): the likelihood")
            #expect(words.contains("55–80\(narrow)%"), "\(edition): the percentage")
            #expect(words.contains("Annexe\u{00A0}A"), "\(edition): the appendix")
            #expect(!words.contains("Probabilité: ") && !words.contains("tiennent: "), "\(edition): an English colon")
        }
    }

    /// The probability scale is the report's language's (the key judgments, the register,
    /// the matrix's rows, the terms' note) in every edition, both yardsticks; a desk's
    /// `yardstick-language: en` keeps the English terms.
    @Test func theScaleIsInTheReportsLanguageUnlessTheDeskKeepsEnglish() throws {
        let report = """
            ---
            title: La mer Rouge
            lang: fr
            yardstick: PHIA
            ---

            ## Jugements clés {.key-judgments}

            1. **Les attaques continuent.** Elles visent les navires. {likelihood=highly-likely confidence=high}

            ## Risques {.risks}

            1. **Câbles coupés.** Deux câbles. {likelihood=realistic-possibility impact=major}
            2. **Port fermé.** Le port ferme. {likelihood=remote-chance impact=severe}
            """
        let workspace = Workspace(report: report)
        var result = try workspace.run("build", "report.md", "--to", "text,xhtml,docx", "-o", "out")
        try #require(result.status == 0, "\(result.stderr)")
        let french = Words(language: "fr")
        func editions() throws -> [(String, String)] {
            let document = try runTool(["unzip", "-p", workspace.folder + "/out/report.docx", "word/document.xml"]).output
                .matches(of: /<w:t[^>]*>([^<]*)<\/w:t>/).map { String($0.output.1) }.joined(separator: " ")
                .replacingOccurrences(of: "\u{2060}", with: "")
            return [("text", try #require(workspace.contents("out/report.txt"))), ("XHTML", try #require(workspace.contents("out/report.xhtml"))), ("Word", document)]
        }
        for (edition, text) in try editions() {
            #expect(text.contains("hautement probable (80–90\u{202F}%)"), "\(edition): the judgment's likelihood")
            // The matrix's seven rows (the text's and Word's tables, the XHTML's drawing) and
            // the register; the text's table cells wrap, so word by word.
            for term in Yardstick.phia.terms {
                #expect(french.name(of: term).split(separator: " ").allSatisfy { text.contains($0) }, "\(edition): \(term)")
            }
            #expect(!text.contains("highly likely") && !text.contains("realistic possibility"), "\(edition): an English term")
        }
        workspace.write("imprint.yml", Array("yardstick-language: en\n".utf8))
        result = try workspace.run("build", "report.md", "--to", "text,xhtml,docx", "-o", "out")
        try #require(result.status == 0, "\(result.stderr)")
        for (edition, text) in try editions() {
            #expect(text.contains("highly likely (80–90\u{202F}%)"), "\(edition): the English term, the French percentage")
            #expect(text.contains("realistic possibility") && !text.contains("hautement probable"), "\(edition): a French term")
            #expect(text.contains("Probabilité"), "\(edition): the label stays French")
        }
        // The desk's own English term is the one taken.
        workspace.write("imprint.yml", Array("yardstick-language: en\nwords:\n  en:\n    likelihood.phia.highly-likely: highly likely (PHIA)\n".utf8))
        result = try workspace.run("build", "report.md", "--to", "text,xhtml,docx", "-o", "out")
        try #require(result.status == 0, "\(result.stderr)")
        for (edition, text) in try editions() { #expect(text.contains("highly likely (PHIA) (80–90"), "\(edition)") }
    }

    /// Arabic is set right to left in every edition that can say so.
    @Test func arabicIsRightToLeft() throws {
        let workspace = Workspace()
        let result = try workspace.run(["build", Self.seed, "-M", "lang=ar", "--to", "xhtml,epub,docbook", "-o", "out"])
        try #require(result.status == 0, "\(result.stderr)")
        #expect(workspace.contents("out/putin-visit-north-korea.xhtml")?.contains(#"<html xmlns="http://www.w3.org/1999/xhtml" lang="ar" xml:lang="ar" dir="rtl">"#) == true)
        #expect(workspace.contents("out/putin-visit-north-korea.xml")?.contains(#"dir="rtl""#) == true)
        let package = try runTool(["unzip", "-p", workspace.folder + "/out/putin-visit-north-korea.epub", "EPUB/package.opf"])
        #expect(package.output.contains(#"page-progression-direction="rtl""#), "\(package.output)")
    }

    /// A desk's own words win over the shipped ones; a key that names no word is warned of
    /// at its place.
    @Test func aDesksOwnWordsWin() throws {
        let desk = "words:\n  fr:\n    contents: Table des matières\n    label.figur: Graphique\n"
        let body = (1...4).map { "## Part \($0)\n\nText.\n" }.joined(separator: "\n")
        let workspace = Workspace(report: "---\ntitle: Rapport\nlang: fr\n---\n\n" + body, files: ["imprint.yml": Array(desk.utf8)])
        let result = try workspace.run("build", "report.md", "--to", "xhtml")
        try #require(result.status == 0, "\(result.stderr)")
        #expect(workspace.contents("out/report.xhtml")?.contains(">Table des matières</h2>") == true)
        #expect(result.stderr.contains("imprint.yml:4:5: warning: 'label.figur' is not a word Imprint writes"), "\(result.stderr)")
    }

    /// A language Imprint has no words for is said, with what to do, unless the desk gives
    /// its words; so is a `yardstick-language` Imprint has none for.
    @Test func aLanguageWithoutWordsIsSaid() throws {
        let workspace = Workspace(report: "---\ntitle: Rapport\nlang: nl\nyardstick-language: xx\n---\n\nTekst.\n")
        let result = try workspace.run("build", "report.md", "--to", "text")
        try #require(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("report.md:1:1: warning: Imprint has no words for 'nl' (lang), so its own words"), "\(result.stderr)")
        #expect(result.stderr.contains("Imprint has no words for 'xx' (yardstick-language)"), "\(result.stderr)")
        workspace.write("imprint.yml", Array("words:\n  nl:\n    contents: Inhoud\n".utf8))
        let desk = try workspace.run("build", "report.md", "--to", "text", "-M", "yardstick-language=fr", "--force")
        try #require(desk.status == 0, "\(desk.stderr)")
        #expect(!desk.stderr.contains("no words for"), "\(desk.stderr)")
    }

    /// The parts of an English word worth looking for: the text between its placeholders,
    /// of four characters or more.
    private static func fragments(of text: String) -> [String] {
        text.split(separator: /\{[a-z]+\}/).map { $0.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters)) }
            .filter { $0.count >= 4 && $0.contains(where: \.isLetter) }
    }

    /// `text` as a whole word (or words): not inside a longer one (`tableOfContents`).
    private static func wordPattern(_ text: String) -> Regex<Substring> {
        let escaped = text.map { $0.isLetter || $0.isNumber || $0 == " " ? String($0) : "\\" + String($0) }.joined()
        return try! Regex("\\b" + escaped + "\\b")
    }
}
