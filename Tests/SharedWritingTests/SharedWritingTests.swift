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
        let notes = figure.notes(Words(language: "en"))
        #expect(notes.map(\.label) == ["Credit", "License", "Source"])
        #expect(notes[1].text == "https://l.example" && notes[1].url == "https://l.example")
        #expect(figure.notes(Words(language: "de")).map(\.label) == ["Bildnachweis", "Lizenz", "Quelle"])
    }

    @Test func gradeWords() throws {
        let grade = try #require(AdmiraltyGrade("B2"))
        #expect(grade.meaning(Words(language: "en")) == "source usually reliable; information probably true")
        #expect(grade.meaning(Words(language: "fr-CA")) == "source habituellement fiable\u{202F}; information probablement vraie")
        #expect(AdmiraltyGrade("F6")?.reliabilityMeaning(Words(language: "en")) == "reliability cannot be judged")
    }

    /// A row per term of the report's yardstick: each term in its own row, so "likely"
    /// never straddles two; a percentage or the other yardstick's term in the row whose band
    /// holds its middle, or the nearest.
    @Test func riskMatrixRowsAreTheYardsticksTerms() {
        let icd = RiskMatrixGrid(yardstick: .icd203)
        #expect(icd.rows.map(Words(language: "en").name(of:)) == ["almost no chance", "very unlikely", "unlikely", "roughly even chance", "likely", "very likely", "almost certain"])
        for (index, term) in ICD203Term.allCases.enumerated() { #expect(icd.row(of: .icd203(term)) == index + 1) }
        #expect(icd.row(of: .percent(0)) == 1)
        #expect(icd.row(of: .percent(50)) == 4)
        #expect(icd.row(of: .percent(100)) == 7)
        let phia = RiskMatrixGrid(yardstick: .phia)
        for (index, term) in PHIATerm.allCases.enumerated() { #expect(phia.row(of: .phia(term)) == index + 1) }
        #expect(phia.row(of: .percent(7)) == 1, "7 % is nearer remote chance (0–5) than highly unlikely (10–20)")
        #expect(phia.row(of: .percent(22)) == 2)
        #expect(phia.row(of: .icd203(.likely)) == 5, "ICD's likely (55–80) has its middle in PHIA's likely (55–75)")
    }
}
