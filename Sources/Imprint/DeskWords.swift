import ReportModel
import ReportReaders
import SharedWriting

/// The words of a report's editions: the shipped table of its language (`Words`) with the
/// desk's own over it (`words:` in `imprint.yml`, by language: the report's tag, else its
/// first subtag).
enum DeskWords {
    /// The words of a report's editions: its language's, the yardstick's terms taken from
    /// `yardstick-language`'s (the desk's own terms in that language included); and a
    /// warning at its place for each key of the desk's that names no word, and one (with no
    /// place: the report's) for a language neither Imprint nor the desk has words for.
    static func words(for metadata: Metadata, desk: DeskConfiguration) -> (Words, [Diagnostic]) {
        var (words, problems) = words(for: metadata.lang, desk: desk)
        for (key, language) in [("lang", metadata.lang), ("yardstick-language", metadata.yardstickLanguage)] {
            guard let language, !Words.isShipped(language), desk.words[language.lowercased()] == nil,
                desk.words[Words.primaryLanguage(of: language)] == nil
            else { continue }
            problems.append(Diagnostic(
                .warning, .languageWithoutWords,
                "Imprint has no words for '\(language)' (\(key)), so its own words (contents, captions, \"Page N of M\", the scales) are English; give them under 'words: {\(language): …}' in imprint.yml (docs/words.md lists the keys), or set a language Imprint knows: \(Words.languages.filter { $0 != "zh-hans" }.joined(separator: ", "))",
                at: nil))
        }
        // (The desk's words of that language are read without their warnings: a build in
        // that language gives them.)
        return (words.takingTerms(for: metadata) { Self.words(for: $0, desk: desk).0 }, problems)
    }

    /// The words of `language`, and a warning at its place for each key of the desk's that names no word.
    static func words(for language: String, desk: DeskConfiguration) -> (Words, [Diagnostic]) {
        let shipped = Words(language: language)
        guard let own = desk.words[language.lowercased()] ?? desk.words[Words.primaryLanguage(of: language)], !own.isEmpty else {
            return (shipped, [])
        }
        let (words, unknown) = shipped.overriding(with: own.mapValues(\.text))
        let warnings = unknown.compactMap { key in
            own[key].map {
                Diagnostic(.warning, .unknownWord, "'\(key)' is not a word Imprint writes; see the keys of docs/words.md", at: $0.location)
            }
        }
        return (words, warnings)
    }
}
