import ReportModel
import Testing
@testable import SharedWriting

/// The author's quotation marks and spaces before punctuation as the report's language
/// sets them.
struct QuotationMarksTests {
    private func paragraph(_ inlines: [Inline], language: String) -> [Inline] {
        let report = Report(metadata: Metadata(title: "T", lang: language), lead: [.paragraph(inlines)])
        guard case .paragraph(let result) = QuotationMarks(Words(language: language)).applied(to: report).lead.first else { return [] }
        return result
    }

    @Test func frenchGuillemetsAndSpacesThatNeverBreak() {
        let text = "Ils disent \u{201C}la cible\u{201D} et \u{2018}l\u{2019}autre\u{2019} ; l\u{2019}armée répond : non ! À 10:30, « déjà »."
        #expect(paragraph([.text(text)], language: "fr") == [
            .text("Ils disent «\u{202F}la cible\u{202F}» et “l’autre”\u{202F}; l’armée répond\u{202F}: non\u{202F}! À 10:30, «\u{202F}déjà\u{202F}»."),
        ])
    }

    /// The author's space between a number and `%` becomes the language's, which never
    /// breaks: narrow in French, a no-break space in German; English is left alone.
    @Test func aPercentKeepsToItsNumber() {
        #expect(paragraph([.text("Hausse de 40 % ; 12% ; le % seul.")], language: "fr") == [.text("Hausse de 40\u{202F}%\u{202F}; 12%\u{202F}; le % seul.")])
        #expect(paragraph([.text("Plus 40 %.")], language: "de") == [.text("Plus 40\u{00A0}%.")])
        #expect(paragraph([.text("Up 40 %.")], language: "en") == [.text("Up 40 %.")])
    }

    @Test func germanMarksAndApostrophes() {
        #expect(paragraph([.text("Er sagt \u{201C}Nein\u{201D}, \u{2018}gut\u{2019} und geht\u{2019}s.")], language: "de") == [
            .text("Er sagt „Nein“, ‚gut‘ und geht’s."),
        ])
        // Marks the author typed the German (or Russian) way stay as they are.
        #expect(paragraph([.text("Er sagt „Nein“ und ‚ja‘.")], language: "de") == [.text("Er sagt „Nein“ und ‚ja‘.")])
        #expect(paragraph([.text("«Он сказал „да“» и \u{201C}нет\u{201D}.")], language: "ru") == [.text("«Он сказал „да“» и «нет».")])
    }

    /// A quotation that opens in one inline closes in another; code is left as written.
    @Test func aQuotationAcrossInlinesAndCodeUntouched() {
        let inlines: [Inline] = [.text("Voir \u{201C}"), .emphasis([.text("Le Monde")]), .text("\u{201D} : "), .code("\"x\" : y")]
        #expect(paragraph(inlines, language: "fr") == [
            .text("Voir «\u{202F}"), .emphasis([.text("Le Monde")]), .text("\u{202F}»\u{202F}: "), .code("\"x\" : y"),
        ])
        #expect(paragraph(inlines, language: "ja") == [
            .text("Voir 「"), .emphasis([.text("Le Monde")]), .text("」 : "), .code("\"x\" : y"),
        ])
    }

    @Test func englishIsLeftAsItIs() {
        let report = Report(metadata: Metadata(title: "A \u{201C}T\u{201D}"), lead: [.paragraph([.text("“a” ‘b’ : c")])])
        #expect(QuotationMarks(Words(language: "en")).isEnglish)
        #expect(QuotationMarks(Words(language: "en")).applied(to: report) == report)
        #expect(QuotationMarks(Words(language: "fr")).applied(to: report).metadata.title == "A «\u{202F}T\u{202F}»")
    }
}
