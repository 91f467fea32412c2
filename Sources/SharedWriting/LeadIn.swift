import ReportModel

/// How a key judgment, a risk or a source opens in every edition: its title is a bold
/// lead-in that opens the first paragraph, followed by a colon ("**Title:** text", as the
/// analyst wrote it; a full stop before a capital where the language wants it), when the item's blocks start with a paragraph; otherwise the title
/// stands alone before the blocks. Each writer gives the parts its own markup.
public struct LeadIn {
    /// The title; empty when the item has none (then everything is `rest`).
    public let title: [Inline]
    /// The first paragraph's content, which follows the title and its colon.
    public let opening: [Inline]?
    /// The blocks after the opening paragraph (all of them when there is none).
    public let rest: ArraySlice<Block>

    public init(title: [Inline], blocks: [Block]) {
        self.title = title
        if !title.isEmpty, case .paragraph(let inlines) = blocks.first {
            opening = inlines
            rest = blocks.dropFirst()
        } else {
            opening = nil
            rest = blocks[...]
        }
    }

    /// What stands between the title and `opening`, as the language joins a label and its
    /// text (`pattern.label`): the colon, set inside the bold title, and the space after it
    /// (":" and " " in English; a narrow no-break space and ":", then " " in French; "："
    /// and nothing in Japanese). Before an opening whose first letter is a capital it is
    /// the language's `pattern.lead-in-sentence`: a full stop where a colon takes no
    /// capital after it (French "Les juntes tiennent. Elles…").
    public static func colon(_ words: Words, before opening: [Inline]) -> (mark: String, space: String) {
        let pattern: Word = opening.plainText.first(where: \.isLetter)?.isUppercase == true ? .leadInSentencePattern : .labelPattern
        let between = words.around(pattern, placeholder: "text").before.replacingOccurrences(of: "{label}", with: "")
        let mark = between.replacing(/\ +$/, with: "")
        return (mark, String(between.dropFirst(mark.count)))
    }

    /// The first paragraph as the model writes it, for an edition that sets bold as a
    /// style of its runs: the title in bold (with its colon when text follows), then the
    /// opening's text; nil when there is no title.
    public func titledOpening(_ words: Words) -> [Inline]? {
        guard !title.isEmpty else { return nil }
        guard let opening else { return [.strong(title)] }
        let colon = Self.colon(words, before: opening)
        return [.strong(title + [.text(colon.mark)])] + (colon.space.isEmpty ? [] : [.text(colon.space)]) + opening
    }
}
