import Foundation
import Testing
@testable import ReportModel

/// Every case of the model survives a JSON round trip.
@Suite struct CodingTests {
    static let everyInline: [Inline] = [
        .text("“Curly” text"), .emphasis([.text("em")]), .strong([.text("strong")]),
        .strikethrough([.text("gone")]), .code("x < y"),
        .link(Link(url: "https://example.org", title: "t", content: [.text("link")])),
        .crossReference(CrossReference(target: "sec")), .image(InlineImage(source: "a.svg", alt: "alt")),
        .lineBreak, .footnoteReference("n"),
    ]

    static let everyBlock: [Block] = [
        .paragraph(everyInline),
        .list(ListBlock(ordered: true, start: 3, tight: false, items: [ListItem(id: "i", task: true, blocks: [.paragraph([.text("x")])])])),
        .quote([.paragraph([.text("q")])]),
        .code(CodeBlock(language: "swift", text: "let x = 1\n")),
        .thematicBreak,
        .table(Table(id: "t", number: 1, caption: [.text("c")], alignments: [.left, .right], header: TableRow(cells: [[.text("a")], [.text("b")]]), rows: [TableRow(cells: [[.text("1")], [.text("2")]])])),
        .figure(Figure(id: "f", number: 1, source: "f.svg", caption: [.text("cap")], alt: "alt", credit: "me", license: "CC0", licenseURL: "https://l", sourceURL: "https://s", width: "50%", attributes: [Attribute(key: "k", value: "v")])),
        .keyJudgments([KeyJudgment(id: "kj", title: [.text("T")], blocks: [], likelihood: .icd203(.likely), confidence: .high, impact: .minor)]),
        .risks([Risk(title: [.text("R")], blocks: [.paragraph([.text("b")])], likelihood: .phia(.remoteChance), impact: .severe, confidence: .low)]),
        .sources([Source(blocks: [.paragraph([.text("s")])], grade: AdmiraltyGrade("C3"))]),
        .risks([Risk(title: [], blocks: [], likelihood: .percent(42))]),
    ]

    @Test func reportRoundTrips() throws {
        let metadata = Metadata(
            title: "T", subtitle: "S", series: Series(title: "Ser", issn: ISSN("2785-2598"), volume: 43, issue: 7),
            publisher: Publisher(name: "P", url: "https://p"), authors: [Author(name: "A", affiliation: "Aff", email: "a@b")],
            date: ReportDate("2024-06-19"), updated: ReportDate("2024-06-20"), lang: "en-GB", identifier: "id",
            keywords: ["k"], marking: Marking(tlp: .amberStrict, classification: "C", notice: "N"), rights: "R",
            license: License(name: "L", url: "https://l"), cover: "c.svg", contact: "c@d", yardstick: .phia,
            extra: [ExtraField(key: "x", value: .map([ExtraField(key: "y", value: .list([.string("z")]))]))])
        let section = Section(
            id: "s", classes: ["risks"], attributes: [Attribute(key: "k", value: "v")], number: "1", kind: .risks,
            level: 2, title: [.text("S")], blocks: CodingTests.everyBlock,
            subsections: [Section(id: "t", level: 3, title: [.code("t")])])
        let report = Report(
            metadata: metadata, lead: [.paragraph([.text("lead")])], sections: [section],
            footnotes: [Footnote(label: "n", id: "fn-n", number: 1, blocks: [.paragraph([.text("note")])])])
        let data = try JSONEncoder().encode(report)
        #expect(try JSONDecoder().decode(Report.self, from: data) == report)
    }

    @Test func rejectsInvalidValues() {
        let badISSN = #"{"title":"T","issn":"2785-2597"}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Series.self, from: Data(badISSN.utf8)) }
        let badTerm = #"{"yardstick":"PHIA","term":"very-likely"}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Likelihood.self, from: Data(badTerm.utf8)) }
        let badType = #"{"type":"poem","content":[]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Block.self, from: Data(badType.utf8)) }
    }

    @Test func plainTextDropsMarkup() {
        let inlines: [Inline] = [.text("a "), .strong([.text("b")]), .footnoteReference("n"), .lineBreak, .code("c")]
        #expect(inlines.plainText == "a b c")
    }
}
