import ReportModel
import ReportTestSupport
import Testing

/// The summary on one line: white space runs made one space, and a long text cut after a
/// word with "…", never longer than the limit.
@Suite struct SummaryLineTests {
    private func report(lead text: String) -> Report {
        Report(metadata: Metadata(title: "T"), lead: text.isEmpty ? [] : [.paragraph([.text(text)])])
    }

    @Test func whiteSpaceRunsBecomeOneSpace() {
        var generator = SeededGenerator(seed: 3)
        let pieces = ["word", "mot", "слово", "e\u{301}", " ", "  ", "\n", "\t", "\u{A0}", "\u{2003}", "\r\n"]
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int.random(in: 0...40, using: &generator) { text += pieces.randomElement(using: &generator)! }
            let expected = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(report(lead: text).summaryLine(labels: [:]) == (expected.isEmpty ? nil : expected), "\(text.debugDescription)")
        }
    }

    @Test func aLongTextIsCutAfterAWord() throws {
        let text = String(repeating: "alpha beta\n\ngamma ", count: 2_000)
        let line = try #require(report(lead: text).summaryLine(labels: [:]))
        #expect(line.count <= Report.summaryLineLimit)
        #expect(line.count > Report.summaryLineLimit - 10)
        #expect(line.hasSuffix("…"))
        let whole = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let kept = String(line.dropLast())
        #expect(whole.hasPrefix(kept + " "), "cut after a whole word")
    }

    /// A cross-reference without words reads as its label, as in the editions, not as
    /// nothing ("(see ) is fragile").
    @Test func aCrossReferenceReadsAsItsLabel() {
        var report = Report(metadata: Metadata(title: "T"))
        report.lead = [.paragraph([.text("Supply (see "), .crossReference(CrossReference(target: "t")), .text(") is fragile.")])]
        report.lead.append(.table(Table(id: "t", number: 1, caption: [.text("c")], alignments: [], header: TableRow(cells: []), rows: [])))
        #expect(report.summaryLine(labels: ["t": "Table 1"])?.hasPrefix("Supply (see Table 1) is fragile.") == true)
    }
}
