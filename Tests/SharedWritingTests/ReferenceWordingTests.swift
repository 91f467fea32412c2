import ReportModel
import SharedWriting
import Testing

/// A cross-reference without words after its label's own word: "Table [](#t)".
struct ReferenceWordingTests {
    let labels = ["t": "Table\u{00A0}3", "s": "Section\u{00A0}2, Risk Assessment", "k": "Russia gains leverage"]

    @Test func theWordBeforeIsNotDoubled() {
        let resolved = ReferenceWording.resolved([.text("As table "), .crossReference(CrossReference(target: "t")), .text(" shows")], labels: labels)
        #expect(resolved == [.text("As table\u{00A0}"), .crossReference(CrossReference(target: "t", content: [.text("3")])), .text(" shows")])
        let section = ReferenceWording.resolved([.text("See Section "), .crossReference(CrossReference(target: "s"))], labels: labels)
        #expect(section == [.text("See Section\u{00A0}"), .crossReference(CrossReference(target: "s", content: [.text("2, Risk Assessment")]))])
    }

    @Test func otherwiseTheLabelIsWhole() {
        for inlines: [Inline] in [
            [.text("See "), .crossReference(CrossReference(target: "t"))],
            [.text("Timetable "), .crossReference(CrossReference(target: "t"))],
            [.text("Table"), .crossReference(CrossReference(target: "t"))],
            [.crossReference(CrossReference(target: "t"))],
            // A title as label is never cut, whatever word comes before.
            [.text("Russia "), .crossReference(CrossReference(target: "k"))],
            // Words given by the author are theirs.
            [.text("Table "), .crossReference(CrossReference(target: "t", content: [.text("below")]))],
        ] {
            #expect(ReferenceWording.resolved(inlines, labels: labels) == inlines)
        }
    }
}
