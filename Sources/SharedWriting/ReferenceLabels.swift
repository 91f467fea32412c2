import Foundation
import ReportModel

extension Report {
    /// The text a cross-reference with empty link text shows for each id, in the report's
    /// words (`Words`): "Figure 1", "Table 2", "Section 2, Risk Assessment", "Appendix A,
    /// Method", "Risk 4, Undersea cable damage", "Source 3", "Note 1". Every writer uses
    /// the same words. A label that names a kind and a number joins them with a no-break
    /// space (`Report.labelSpace`), so that a line never ends between them. Only the ids in
    /// `wanted` are labelled (every id when nil): a large report has tens of thousands of
    /// ids, and only those its cross-references without words point to need a label
    /// (`ReportIndex.wordlessTargets`).
    public func referenceLabels(only wanted: Set<String>? = nil, words: Words) -> [String: String] {
        var labels: [String: String] = [:]
        func label(_ id: String, _ text: @autoclosure () -> String) {
            if wanted?.contains(id) ?? true { labels[id] = text() }
        }
        func numbered(_ word: Word, _ number: String) -> String { Self.numberedLabel(word, number, words: words) }
        forEachSection { section in label(section.id, Self.label(of: section, words: words)) }
        for footnote in footnotes { label(footnote.id, numbered(.note, String(footnote.number))) }
        forEachBlock { block in
            switch block {
            case .table(let table): if let id = table.id { label(id, numbered(.table, String(table.number))) }
            case .figure(let figure): if let id = figure.id { label(id, numbered(.figure, String(figure.number))) }
            case .keyJudgments(let items):
                for (index, item) in items.enumerated() {
                    if let id = item.id { label(id, Self.titledLabel(.keyJudgment, String(index + 1), title: item.title, words: words)) }
                }
            case .risks(let items):
                for (index, item) in items.enumerated() {
                    if let id = item.id { label(id, Self.titledLabel(.risk, String(index + 1), title: item.title, words: words)) }
                }
            case .sources(let items):
                for (index, item) in items.enumerated() { if let id = item.id { label(id, numbered(.source, String(index + 1))) } }
            case .list(let list):
                for (index, item) in list.items.enumerated() {
                    guard let id = item.id else { continue }
                    label(id, list.ordered
                        ? words(.listItem, ["n": String(list.start + index)]).replacingOccurrences(of: " ", with: String(Self.labelSpace))
                        : words(.namedListItem, ["text": String(item.blocks.plainText.prefix(40))]))
                }
            case .paragraph, .quote, .code, .thematicBreak: break
            }
        }
        return labels
    }

    /// The most characters of a title a label carries: a label is written again at every
    /// cross-reference, so a title of any length repeated by thousands of references stays
    /// a bounded multiple of the report.
    public static let labelTitleLength = 120

    /// `title`, cut after `labelTitleLength` characters (at a space where there is one) with "…".
    static func labelTitle(_ title: String) -> String {
        guard title.count > labelTitleLength else { return title }
        let cut = title.prefix(labelTitleLength)
        let words = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return words.trimmingCharacters(in: .whitespaces) + "…"
    }

    /// A kind and a number in the language's pattern (`pattern.numbered`: "Risk 4",
    /// "Note 1"), the pattern's own spaces made no-break spaces (`labelSpace`).
    public static func numberedLabel(_ word: Word, _ number: String, words: Words) -> String {
        words.pieces(.numberedPattern).map { piece in
            switch piece {
            case .text(let text): text.replacingOccurrences(of: " ", with: String(labelSpace))
            case .placeholder("label"): words[word]
            case .placeholder("n"): number
            case .placeholder(let name): "{\(name)}"
            }
        }.joined()
    }

    /// What joins a label's kind and its number: U+00A0 NO-BREAK SPACE.
    public static let labelSpace: Character = "\u{00A0}"

    private static func label(of section: Section, words: Words) -> String {
        guard let number = section.number else { return labelTitle(section.title.plainText) }
        return titledLabel(section.isLetteredAppendix ? .appendix : .section, number, title: section.title, words: words)
    }

    /// A numbered thing with its title, as a cross-reference reads it (`label.section-reference`:
    /// "Section 3, Method", "Risk 4, Undersea cable damage"), or its kind and number alone
    /// when it has no title ("Key judgment 2"); the kind and its number are kept together.
    private static func titledLabel(_ word: Word, _ number: String, title: [Inline], words: Words) -> String {
        guard !title.isEmpty else { return numberedLabel(word, number, words: words) }
        let kind = words[word]
        // A lead-in's own full stop or colon ("Attacks continue.") ends no label.
        var text = title.plainText
        while let last = text.last, last.isWhitespace || ".:;,".contains(last) { text.removeLast() }
        return words(.sectionReference, ["kind": kind, "number": number, "title": labelTitle(text)])
            .replacingOccurrences(of: "\(kind) \(number)", with: "\(kind)\(labelSpace)\(number)")
    }
}
