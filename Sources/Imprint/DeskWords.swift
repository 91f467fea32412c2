import ReportModel
import ReportReaders
import SharedWriting

/// The words of a report's editions: the shipped table of its language (`Words`) with the
/// desk's own over it (`words:` in `imprint.yml`, by language: the report's tag, else its
/// first subtag).
enum DeskWords {
    /// The words, and a warning at its place for each key of the desk's that names no word.
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
