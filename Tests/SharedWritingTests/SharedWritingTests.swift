import ReportModel
import SharedWriting
import Testing

/// The rules every edition shares, written once.
struct SharedWritingTests {
    @Test func theLeadInOpensTheFirstParagraph() {
        let leadIn = LeadIn(title: [.text("Title")], blocks: [.paragraph([.text("Text.")]), .thematicBreak])
        #expect(leadIn.opening == [.text("Text.")])
        #expect(Array(leadIn.rest) == [.thematicBreak])
        let alone = LeadIn(title: [.text("Title")], blocks: [.thematicBreak])
        #expect(alone.opening == nil && Array(alone.rest) == [.thematicBreak])
        let untitled = LeadIn(title: [], blocks: [.paragraph([.text("Text.")])])
        #expect(untitled.opening == nil && untitled.rest.count == 1)
    }

    @Test func figureNotesInTheirOrder() {
        let figure = Figure(
            number: 1, source: "f.png", caption: [], alt: "", credit: "C", licenseURL: "https://l.example",
            sourceURL: "https://s.example")
        #expect(figure.notes.map(\.label) == ["Credit", "License", "Source"])
        #expect(figure.notes[1].text == "https://l.example" && figure.notes[1].url == "https://l.example")
    }

    @Test func gradeWords() throws {
        let grade = try #require(AdmiraltyGrade("B2"))
        #expect(grade.meaning == "source usually reliable; information probably true")
    }

    @Test func riskMatrixRows() {
        #expect(RiskMatrixGrid.row(of: .icd203(.almostNoChance)) == 1)
        #expect(RiskMatrixGrid.row(of: .icd203(.likely)) == 4)
        #expect(RiskMatrixGrid.row(of: .percent(100)) == 5)
        #expect(RiskMatrixGrid.rowLabels.count == 5)
    }
}
