import Testing
import ReportModel
import ReportReaders
@testable import TextWriter

/// The brief fits one page by rule whatever the report's size: the bottom line, as many
/// key judgments as fit (each to its first sentence, with its assessment), then the
/// register if every judgment is in, and "Shown: k of n" wherever a list is cut.
@Suite struct BriefTests {
    /// A generated report: a summary of `sentences` sentences (plus a second paragraph),
    /// `judgments` key judgments of three sentences each, `risks` risks, a handling notice.
    private func report(sentences: Int, judgments: Int, risks: Int) throws -> Report {
        var text = """
            ---
            title: Shipping in the Red Sea and the Gulf of Aden, the Second Half of 2027 and After
            authors: [Ann Analyst, Bob Builder]
            date: 2026-11-01
            marking: {tlp: AMBER, notice: "Do not forward outside the recipient organisation without the originator's consent."}
            ---

            """
        if sentences > 0 {
            text += "\n## Summary {.summary}\n\n"
            text += (1...sentences).map { "Summary sentence \($0) says that convoys keep to the western lanes while insurers raise their premiums again." }.joined(separator: " ")
            text += "\n\nA further paragraph of the summary, kept only when there is room.\n"
        }
        if judgments > 0 {
            text += "\n## Key judgments {.key-judgments}\n\n"
            for n in 1...judgments {
                text += "\(n). **Judgment \(n) holds.** First sentence of judgment \(n), about the U.S. Navy and the convoys in the strait. Second sentence of judgment \(n). Third. {likelihood=likely confidence=moderate}\n\n"
            }
        }
        if risks > 0 {
            text += "\n## Risks {.risks}\n\n"
            for n in 1...risks { text += "\(n). **Risk \(n).** A risk. {likelihood=unlikely impact=major}\n" }
        }
        return try ReportMarkdownReader.read(Array(text.utf8), file: "r.md", reportPath: nil).report
    }

    /// At 72 columns the brief is one page; at 40 it says the same, on more lines.
    @Test(arguments: [0, 1, 4, 12, 60], [0, 1, 3, 9, 40])
    func everySizeFitsOnePage(sentences: Int, judgments: Int) throws {
        for risks in [0, 3, 30] {
            for width in [72, 40] {
                let text = TextWriter(options: .init(width: width, profile: .brief)).text(try report(sentences: sentences, judgments: judgments, risks: risks))
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                let name = "\(sentences) sentences, \(judgments) judgments, \(risks) risks, \(width) columns"
                if width == 72 { #expect(lines.count <= BriefSelection.lines, "\(name): \(lines.count) lines\n\(text)") }
                #expect(lines.first == "TLP:AMBER" && lines.last == "TLP:AMBER", "\(name)")
                #expect(text.contains("originator"), "\(name): the notice")
                if sentences > 0 { #expect(text.contains("Summary sentence 1 says"), "\(name): the bottom line") }
                let shown = (1...max(1, judgments)).filter { text.contains("Judgment \($0) holds. First") }.count
                if judgments > 0 {
                    #expect(shown >= 1, "\(name): no judgment")
                    #expect(shown == judgments || text.contains("Shown: \(shown) of \(judgments);"), "\(name): the cut is not told\n\(text)")
                    #expect(text.components(separatedBy: "Likelihood: likely").count - 1 == shown, "\(name): an assessment is missing")
                }
                #expect(!text.contains("Second sentence"), "\(name): a judgment past its first sentence")
                // The register comes only after every judgment, and says when it is cut.
                let risksShown = (1...max(1, risks)).filter { text.contains("| Risk \($0) ") || text.contains("\n\($0). Risk \($0)\n") }.count
                if shown < judgments { #expect(risksShown == 0, "\(name): risks before judgments") }
                if risksShown < risks { #expect(text.contains("Shown: \(risksShown) of \(risks);"), "\(name)\n\(text)") }
            }
        }
    }

    /// A first sentence ends at its full stop, not at an abbreviation ("U.S.", "Dr.", "e.g.",
    /// "ca. 5", "p. ex."), past its closing quotes, and keeps the emphasis it is written in.
    @Test func sentencesEndAtTheirMarksNotAtAbbreviations() {
        let inlines: [Inline] = [.text("The U.S. Navy holds. It "), .emphasis([.text("stays. Then")]), .text(" more。終わり")]
        #expect(Sentences.count(in: inlines) == 4)
        #expect(Sentences.first(1, of: inlines) == [.text("The U.S. Navy holds.")])
        #expect(Sentences.first(2, of: inlines) == [.text("The U.S. Navy holds. It "), .emphasis([.text("stays.")])])
        #expect(Sentences.first(3, of: inlines).last == .text(" more。"))
        for (text, first) in [
            ("Dr. Smith will resign. Then more.", "Dr. Smith will resign."),
            ("Exports, e.g. crude oil, will rise. Then more.", "Exports, e.g. crude oil, will rise."),
            ("Costs rise ca. 5 percent by approx. 2027. Then more.", "Costs rise ca. 5 percent by approx. 2027."),
            ("Les exportations, p. ex. le pétrole, vont croître. Puis.", "Les exportations, p. ex. le pétrole, vont croître."),
            ("Output reaches 3.5 million barrels. Then more.", "Output reaches 3.5 million barrels."),
            ("Le ministre a dit « Non.\u{202F}» Puis.", "Le ministre a dit « Non.\u{202F}»"),
            ("Er sagte „Nein.“ Dann ging er.", "Er sagte „Nein.“"),
        ] {
            #expect(Sentences.first(1, of: [.text(text)]) == [.text(first)], "\(text)")
        }
    }

    /// What the rule cannot cut is bounded: a masthead of 200 authors takes three lines, a
    /// bottom line that is a list is cut by its items, and a cut says so.
    @Test func theMastheadAndAListBottomLineAreBounded() throws {
        let authors = (1...200).map { "Author Number \($0)" }.joined(separator: ", ")
        let items = (1...120).map { "- Item \($0) of the bottom line." }.joined(separator: "\n")
        let text = "---\ntitle: T\nauthors: [\(authors)]\n---\n\n## Summary {.summary}\n\n\(items)\n\n## Key judgments {.key-judgments}\n\n1. **J holds.** It does. {likelihood=likely}\n"
        let report = try ReportMarkdownReader.read(Array(text.utf8), file: "r.md", reportPath: nil).report
        let brief = TextWriter(options: .init(profile: .brief)).text(report)
        let lines = brief.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count <= BriefSelection.lines, "\(brief)")
        #expect(lines[2].hasPrefix("Author Number 1,") && lines[4].hasSuffix("…") && lines[5].isEmpty, "\(brief)")
        #expect(brief.contains("- Item 1 of the bottom line.") && !brief.contains("Item 120 "), "\(brief)")
        #expect(brief.contains("The summary goes on in the full report.") && brief.contains("1. J holds. It does."), "\(brief)")
    }
}
