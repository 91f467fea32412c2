import Foundation
import ReportModel

/// Every word Imprint writes itself (labels, headings, the risk register's columns, grade
/// sentences, the colophon, "Page N of M"), in the report's language: a table per
/// language, each a data file (`Locales/fr.json`, compiled in) that gives every key
/// (`WordsTests` holds them to it; English fills in only a language Imprint has no table
/// for; a region's file, `fr-ch.json`, gives only what differs from its language's), and the desk's own table over it (`overriding`). Dates are the language's, from
/// ICU (`date`). Every edition takes its words from here, so that they read alike.
public struct Words: Sendable {
    /// The report's language, as its front matter gives it (`fr`, `pt-BR`).
    public let language: String
    private let table: [Word: String]

    /// The words for `language`: its table (by the tag, then by its first subtag), else
    /// English's.
    public init(language: String) {
        self.language = language
        table = Words.shipped[language.lowercased()] ?? Words.shipped[Words.primaryLanguage(of: language)] ?? Words.english
    }

    /// A language tag's first subtag, lower-cased: `pt` of `pt-BR`.
    public static func primaryLanguage(of tag: String) -> String {
        tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
    }

    /// The languages Imprint ships a table for.
    public static var languages: [String] { shipped.keys.sorted() }

    /// Whether Imprint ships a table for `language` (by the tag, or by its first subtag), or
    /// the tag names no language to write in (`und`, `mul`, `zxx`).
    public static func isShipped(_ language: String) -> Bool {
        ["und", "mul", "zxx"].contains(primaryLanguage(of: language)) || shipped[language.lowercased()] != nil
            || shipped[primaryLanguage(of: language)] != nil
    }

    /// The shipped tables by language tag, read from their data files (`Locales/`).
    private static let shipped: [String: [Word: String]] = {
        var tables: [String: [Word: String]] = [:]
        for (tag, entries) in shippedEntries {
            tables[tag] = Dictionary(uniqueKeysWithValues: entries.compactMap { key, text in Word(rawValue: key).map { ($0, text) } })
        }
        tables["zh-hans"] = tables["zh"]
        // A region's file gives only what differs from its language's (`fr-ch.json`, Swiss
        // French, over `fr.json`).
        for tag in tables.keys where tag.contains("-") {
            if let base = tables[primaryLanguage(of: tag)] { tables[tag] = base.merging(tables[tag] ?? [:]) { _, region in region } }
        }
        return tables
    }()

    /// Each data file's entries as written, by language tag: key → text (for `WordsTests`,
    /// which holds each file to every key and no other).
    static let shippedEntries: [String: [String: String]] = {
        var entries: [String: [String: String]] = [:]
        for (name, text) in ShippedData.files where name.hasSuffix(".json") {
            entries[String(name.dropLast(5))] = (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
        }
        return entries
    }()

    private static let english = shipped["en"] ?? [:]

    /// The data files' text, in the order of their names: the build stamp digests it, so a
    /// binary with other words rebuilds the editions.
    public static let shippedText = ShippedData.files.sorted { $0.key < $1.key }.map { $0.key + "\u{0}" + $0.value }.joined(separator: "\u{0}")

    /// The word.
    public subscript(_ word: Word) -> String { table[word] ?? word.rawValue }

    /// The word with its placeholders (`{n}`, `{title}`) filled in, in one pass: a value
    /// that holds a placeholder's name is written as it is.
    public func callAsFunction(_ word: Word, _ values: KeyValuePairs<String, String>) -> String {
        pieces(word).map { piece in
            switch piece {
            case .text(let text): text
            case .placeholder(let name): values.first { $0.key == name }?.value ?? "{\(name)}"
            }
        }.joined()
    }

    /// A caption's label and number as the language writes them: "Figure 3.", "Tableau 2.".
    public func caption(_ label: Word, number: Int) -> String {
        self(.captionPattern, ["label": self[label], "n": String(number)])
    }

    /// A label and its text as the language writes them: "Contact: desk@example.org".
    public func labelled(_ label: String, _ text: String) -> String {
        let parts = labelParts(label)
        return parts.before + text + parts.after
    }

    /// What goes before and after a labelled text written as an element of its own (a
    /// link): "Contact: " and ""; by `pattern` (`pattern.label`, or another of its shape:
    /// `pattern.lead-in-sentence`).
    public func labelParts(_ label: String, pattern: Word = .labelPattern) -> (before: String, after: String) {
        let (before, after) = around(pattern, placeholder: "text")
        return (before.replacingOccurrences(of: "{label}", with: label), after.replacingOccurrences(of: "{label}", with: label))
    }

    /// The text before and after `{placeholder}` in the word, for a value written as an
    /// element of its own ("Updated " and "" around a `<time>`).
    public func around(_ word: Word, placeholder: String) -> (before: String, after: String) {
        let text = self[word]
        guard let range = text.range(of: "{\(placeholder)}") else { return (text + " ", "") }
        return (String(text[..<range.lowerBound]), String(text[range.upperBound...]))
    }

    /// A piece of a word with placeholders: its text, or a placeholder's name.
    public enum Piece: Equatable, Sendable {
        case text(String)
        case placeholder(String)
    }

    /// The word cut at its placeholders, for a value an edition fills in itself ("Page ",
    /// `page`, " of ", `pages`: a counter in CSS, a field in Word).
    public func pieces(_ word: Word) -> [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(self[word])
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { pieces.append(.text(String(rest[..<open]))) }
            pieces.append(.placeholder(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        return pieces
    }

    /// These words with `table`'s over them (a desk's own words, keyed as `Word`'s raw
    /// values), and the keys of `table` that name no word.
    public func overriding(with table: [String: String]) -> (words: Words, unknown: [String]) {
        var merged = self.table
        var unknown: [String] = []
        for (key, value) in table {
            if let word = Word(rawValue: key) { merged[word] = value } else { unknown.append(key) }
        }
        return (Words(language: language, table: merged), unknown.sorted())
    }

    private init(language: String, table: [Word: String]) {
        self.language = language
        self.table = table
    }

    /// Whether the language is written right to left (Arabic, Hebrew, Persian, Urdu …).
    public var isRightToLeft: Bool {
        ["ar", "he", "fa", "ur", "yi", "ps", "sd", "ckb", "dv"].contains(Words.primaryLanguage(of: language))
    }

    /// The date as the language writes it in prose ("15 January 2026", "15 janvier 2026",
    /// "2026년 1월 15일"), from ICU's long date format.
    public func date(_ date: ReportDate) -> String {
        var components = DateComponents()
        (components.year, components.month, components.day) = (date.year, date.month, date.day)
        var calendar = Calendar(identifier: .gregorian)
        let utc = TimeZone(identifier: "UTC")!
        calendar.timeZone = utc
        guard let day = calendar.date(from: components) else { return date.description }
        let style = Date.FormatStyle(date: .long, time: .omitted, locale: Locale(identifier: language), calendar: calendar, timeZone: utc)
        return day.formatted(style)
    }

    /// A report's dates as the editions print them: its date, then "updated …" ("Updated …"
    /// when it has no date of its own); each date written by `format` (by default `date`).
    public func dates(of metadata: Metadata, format: ((ReportDate) -> String)? = nil) -> [String] {
        let format = format ?? date
        return [
            metadata.date.map(format), metadata.updated.map { self(metadata.date == nil ? .updated : .alsoUpdated, ["date": format($0)]) },
        ].compactMap { $0 }
    }
}
