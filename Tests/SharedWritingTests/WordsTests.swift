import Foundation
import ReportModel
import ReportTestSupport
@testable import SharedWriting
import Testing

/// The words Imprint writes itself, in the report's language.
struct WordsTests {
    /// Every shipped language gives every word (English words left in another language's
    /// table would be printed as they are).
    @Test(arguments: Words.languages.filter { $0 != "en" && $0 != "zh-hans" })
    func everyLanguageGivesEveryWord(language: String) {
        let english = Words(language: "en")
        let words = Words(language: language)
        // Words that are the same in both are deliberate, and few.
        // (Punctuation, `pattern.*`, is often the same, and not counted.)
        let same = Word.allCases.filter { words[$0] == english[$0] && !$0.rawValue.hasPrefix("pattern.") }
        #expect(same.count <= 14, "\(language): \(same.map(\.rawValue))")
        for word in Word.allCases {
            let placeholders = { (text: String) in Set(text.matches(of: /\{[a-z]+\}/).map { String($0.output) }) }
            #expect(placeholders(words[word]) == placeholders(english[word]), "\(language): \(word.rawValue) keeps its placeholders")
        }
    }

    /// Each language's data file (`Locales/*.json`) gives every word Imprint writes, and no
    /// key that names none: a word missing from a table is a failure here, never an English
    /// word in a French edition.
    @Test func everyTableGivesEveryKeyAndNoOther() {
        let keys = Set(Word.allCases.map(\.rawValue))
        #expect(Words.shippedEntries.count >= 13)
        for (language, entries) in Words.shippedEntries {
            // A region's table gives only what differs from its language's.
            if language.contains("-") {
                #expect(Words.shippedEntries[Words.primaryLanguage(of: language)] != nil, "\(language): no table for its language")
                #expect(!entries.isEmpty && Set(entries.keys).isSubset(of: keys), "\(language): \(entries.keys.sorted())")
                continue
            }
            #expect(Set(entries.keys) == keys, "\(language): lacks \(keys.subtracting(entries.keys).sorted()), has unknown \(Set(entries.keys).subtracting(keys).sorted())")
            #expect(entries.values.allSatisfy { !$0.isEmpty }, "\(language): an empty word")
        }
    }

    /// A language's punctuation is its patterns: captions, labels and separators follow
    /// them, and a text after a labelled element is kept.
    @Test func phrasesFollowTheLanguagesPatterns() {
        let english = Words(language: "en")
        #expect(english.caption(.figure, number: 3) == "Figure 3.")
        #expect(english.labelled(english[.contact], "desk@example.org") == "Contact: desk@example.org")
        #expect(english.labelParts("Credit") == ("Credit: ", ""))
        let (french, unknown) = Words(language: "fr").overriding(with: [
            "pattern.caption": "{label} {n} –", "pattern.label": "{label}\u{202F}: {text}", "pattern.separator": " – ",
        ])
        #expect(unknown.isEmpty)
        #expect(french.caption(.table, number: 2) == "Tableau 2 –")
        #expect(french.labelled(french[.likelihood], "probable") == "Probabilité\u{202F}: probable")
        let (around, _) = english.overriding(with: ["pattern.label": "{text} ({label})"])
        #expect(around.labelParts("Credit") == ("", " (Credit)"))
        #expect(around.labelled("Credit", "AP") == "AP (Credit)")
        let series = Series(title: "Briefs", issn: nil, volume: 4, issue: 2)
        #expect(series.parts(french).map(\.text) == ["Briefs", "Volume 4, Numéro 2"])
        // Placeholders are filled once: a value holding one is written as it is.
        #expect(english.labelled("{text}", "x") == "{text}: x")
    }

    /// The grade sentence and a numbered label are the language's patterns too: the grade
    /// strong wherever the pattern puts it, a label's kind and number never broken apart.
    @Test func gradesAndNumberedLabelsFollowThePatterns() throws {
        let grade = try #require(AdmiraltyGrade("B2"))
        let english = Words(language: "en")
        #expect(grade.sentence(english) == [
            .text("Grade "), .strong([.text("B2")]), .text(": source usually reliable; information probably true."),
        ])
        let (japanese, _) = Words(language: "ja").overriding(with: ["grade.sentence": "{meaning}（評価 {grade}）", "pattern.numbered": "{label} {n}"])
        let sentence = grade.sentence(japanese)
        #expect(sentence.last == .text("）") && sentence.dropLast().last == .strong([.text("B2")]))
        let report = Report(metadata: Metadata(title: "R"), footnotes: [Footnote(label: "1", id: "fn-1", number: 1, blocks: [])])
        #expect(report.referenceLabels(words: english)["fn-1"] == "Note\u{00A0}1")
        let (numberFirst, _) = english.overriding(with: ["pattern.numbered": "No. {n} ({label})"])
        #expect(report.referenceLabels(words: numberFirst)["fn-1"] == "No.\u{00A0}1\u{00A0}(Note)")
    }

    /// Each language's punctuation is its own: French sets a narrow no-break space before
    /// its high signs and inside guillemets (so no line starts with a colon), Japanese and
    /// Chinese their full-width colon and no English full stop after a caption's number,
    /// Arabic its comma, and a percentage is written as the language writes it.
    @Test func eachLanguageSetsItsOwnPunctuation() throws {
        let french = Words(language: "fr")
        for word in Word.allCases {
            let text = french[word]
            #expect(text.firstMatch(of: /[^\u{202F}][:;!?»]|«[^\u{202F}]/) == nil || word == .listSeparator, "fr \(word.rawValue): \(text)")
        }
        #expect(french.labelled(french[.likelihood], "probable") == "Probabilité\u{202F}: probable")
        #expect(french.percent(ProbabilityBand(55, 80)) == "55–80\u{202F}%")
        #expect(LeadIn(title: [.text("T")], blocks: [.paragraph([.text("tiennent")])]).joint(french) == ("\u{202F}:", " "))
        // No capital after a French colon: a lead-in before a new sentence ends with a full stop.
        #expect(LeadIn(title: [.text("T")], blocks: [.paragraph([.text("« "), .emphasis([.text("Elles")])])]).joint(french) == (".", " "))
        #expect(LeadIn(title: [.text("T")], blocks: [.paragraph([.text("Ellas")])]).joint(Words(language: "es")) == (".", " "))
        #expect(Words(language: "de").percent(ProbabilityBand(55, 80)) == "55–80\u{00A0}%")
        #expect(Words(language: "en").percent(ProbabilityBand(70, 70)) == "70%")
        #expect(LeadIn(title: [.text("T")], blocks: [.paragraph([.text("They")])]).joint(Words(language: "en")) == (":", " "))
        // The analyst's full stop is kept in every language, as the language ends a sentence.
        #expect(LeadIn(title: [.text("T")], blocks: [.paragraph([.text("They")])], endsSentence: true).joint(Words(language: "en")) == (".", " "))
        #expect(LeadIn(title: [.text("T")], blocks: [.paragraph([.text("x")])], endsSentence: true).joint(Words(language: "ja")) == ("。", ""))
        // The analyst's colon is kept before a capital (a name: "Paris reste…"), and a title
        // with its own question mark takes no other.
        #expect(LeadIn(title: [.text("T")], blocks: [.paragraph([.text("Paris")])], endsSentence: false).joint(french) == ("\u{202F}:", " "))
        #expect(LeadIn(title: [.text("Pourquoi ?")], blocks: [.paragraph([.text("Les")])], endsSentence: nil).joint(french) == ("", " "))
        #expect(LeadIn(title: [.text("T")], blocks: [.paragraph([.text("Sie")])]).joint(Words(language: "de")) == (":", " "))
        for language in ["ja", "zh"] {
            let words = Words(language: language)
            #expect(!words.caption(.figure, number: 1).hasSuffix("."), "\(language): \(words.caption(.figure, number: 1))")
            #expect(LeadIn(title: [.text("T")], blocks: [.paragraph([.text("Text")])]).joint(words) == ("：", ""), "\(language)")
        }
        let arabic = Words(language: "ar")
        // Swiss French: guillemets without spaces, none before ; ! ? (nor set by Imprint), the
        // rest as in France.
        let swiss = Words(language: "fr-CH")
        #expect(QuotationMarks(swiss).text("Il dit \u{201C}non\u{201D}; vraiment?") == "Il dit «non»; vraiment?")
        #expect(swiss[.contents] == french[.contents] && swiss.percent(ProbabilityBand(55, 80)) == "55–80\u{202F}%")
        #expect(arabic[.listSeparator] == "، ")
        #expect(arabic.percent(ProbabilityBand(55, 80)) == "\u{2066}55–80%\u{2069}", "kept left to right in a right-to-left line")
    }

    @Test func aTagFindsItsLanguageAndAnUnknownLanguageIsEnglish() {
        #expect(Words(language: "pt-BR")[.contents] == "Sumário")
        #expect(Words(language: "zh-Hans")[.contents] == "目录")
        #expect(Words(language: "tlh")[.contents] == "Contents")
        #expect(Words(language: "ar").isRightToLeft && !Words(language: "fr").isRightToLeft)
    }

    /// Dates as the language writes them, from ICU.
    @Test func datesAreTheLanguages() throws {
        let date = try #require(ReportDate("2026-01-15"))
        #expect(Words(language: "en-GB").date(date) == "15 January 2026")
        #expect(Words(language: "fr").date(date) == "15 janvier 2026")
        #expect(Words(language: "de").date(date) == "15. Januar 2026")
        #expect(Words(language: "ko").date(date) == "2026년 1월 15일")
    }

    @Test func placeholdersAreFilledAndTheDeskOverrides() {
        let words = Words(language: "fr")
        #expect(words(.pageOfPages, ["page": "1", "pages": "7"]) == "Page 1 sur 7")
        let (own, unknown) = words.overriding(with: ["contents": "Table des matières", "no.such.word": "x"])
        #expect(own[.contents] == "Table des matières" && own[.figure] == "Figure")
        #expect(unknown == ["no.such.word"])
        #expect(words.around(.updated, placeholder: "date") == ("Mis à jour le ", ""))
    }

    /// A cross-reference without words reads in the report's language, and only those the
    /// report makes are labelled.
    @Test func referenceLabelsAreInTheReportsLanguage() {
        func to(_ target: String) -> Inline { .crossReference(CrossReference(target: target)) }
        var report = Report(metadata: Metadata(title: "T", lang: "fr"), sections: [
            Section(id: "s2", number: "2", level: 2, title: [.text("Risques")]),
            Section(id: "a", number: "A", kind: .appendix, level: 2, title: [.text("Méthode")]),
        ])
        report.sections[0].blocks = [
            .paragraph([to("s2"), to("a"), to("t"), to("f"), to("k2"), to("r1")]),
            .table(Table(id: "t", number: 3, caption: [.text("c")], alignments: [], header: TableRow(cells: []), rows: [])),
            .keyJudgments([KeyJudgment(title: [.text("Les juntes tiennent.")], blocks: []), KeyJudgment(id: "k2", title: [], blocks: [])]),
            .risks([Risk(id: "r1", title: [.strong([.text("Câbles coupés :")])], blocks: [])]),
            .figure(Figure(id: "f", number: 1, source: "f.png", caption: [], alt: "")),
            .figure(Figure(id: "unreferenced", number: 2, source: "g.png", caption: [], alt: "")),
        ]
        let labels = Manuscript(report).referenceLabels
        // A key judgment or a risk by its number, with its title without the lead-in's colon.
        #expect(labels == [
            "s2": "Section\u{00A0}2, Risques", "a": "Annexe\u{00A0}A, Méthode", "t": "Tableau\u{00A0}3", "f": "Figure\u{00A0}1",
            "k2": "Jugement clé\u{00A0}2", "r1": "Risque\u{00A0}1, Câbles coupés",
        ])
    }

    /// `docs/words.md` lists every key a desk may give.
    @Test func theKeysAreDocumented() throws {
        let text = try String(contentsOfFile: Repository.path("docs/words.md"), encoding: .utf8)
        for word in Word.allCases { #expect(text.contains("`\(word.rawValue)`"), "docs/words.md lacks \(word.rawValue)") }
    }
}
