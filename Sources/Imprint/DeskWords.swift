import ReportModel
import ReportReaders
import SharedWriting

/// The words of a report's editions: the shipped table of its language (`Words`) with the
/// desk's own over it (`words:` in `imprint.yml`, by language: the report's tag, else its
/// first subtag).
enum DeskWords {
    /// The words of a report's editions: its language's, the yardstick's terms taken from
    /// `yardstick-language`'s (the desk's own terms in that language included); and a
    /// warning at its place for each key of the desk's that names no word.
    static func words(for metadata: Metadata, desk: DeskConfiguration) -> (Words, [Diagnostic]) {
        let (words, problems) = words(for: metadata.lang, desk: desk)
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
