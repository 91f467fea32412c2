import ReportModel

/// How a key judgment, a risk or a source opens in every edition: its title is a bold
/// lead-in that opens the first paragraph, followed by a colon ("**Title:** text", as the
/// analyst wrote it), or by the full stop the analyst closed it with ("**Title.** Text"),
/// when the item's blocks start with a paragraph; otherwise the title stands alone before
/// the blocks. Each writer gives the parts its own markup.
public struct LeadIn {
    /// The title; empty when the item has none (then everything is `rest`).
    public let title: [Inline]
    /// The first paragraph's content, which follows the title and its colon.
    public let opening: [Inline]?
    /// The blocks after the opening paragraph (all of them when there is none).
    public let rest: ArraySlice<Block>
    /// How the analyst closed the title: a full stop (true), a colon (false), neither
    /// (nil): `KeyJudgment.titleEndsSentence`.
    public let endsSentence: Bool?

    public init(title: [Inline], blocks: [Block], endsSentence: Bool? = nil) {
        self.title = title
        self.endsSentence = endsSentence
        if !title.isEmpty, case .paragraph(let inlines) = blocks.first {
            opening = inlines
            rest = blocks.dropFirst()
        } else {
            opening = nil
            rest = blocks[...]
        }
    }

    public init(_ judgment: KeyJudgment) {
        self.init(title: judgment.title, blocks: judgment.blocks, endsSentence: judgment.titleEndsSentence)
    }

    public init(_ risk: Risk) {
        self.init(title: risk.title, blocks: risk.blocks, endsSentence: risk.titleEndsSentence)
    }

    /// A source: no title, its blocks as they are.
    public init(_ source: Source) {
        self.init(title: [], blocks: source.blocks)
    }

    /// What stands between the title and its opening, set inside the bold title (the mark)
    /// and after it (the space), in the language's form of what the analyst wrote: a full
    /// stop (`pattern.sentence`'s: "." and " "; "。" and nothing in Japanese) or a colon (as
    /// the language joins a label and its text, `pattern.label`: ":" and " " in English, a
    /// narrow no-break space and ":" then " " in French, "：" and nothing in Japanese). With
    /// neither, the colon, or before an opening whose first letter is a capital the
    /// language's `pattern.lead-in-sentence` (a full stop where a colon takes no capital
    /// after it: French). A title that ends in its own `?` or `!` takes no mark.
    public func joint(_ words: Words) -> (mark: String, space: String) {
        let label = words.labelParts("").before
        if let last = title.plainText.last, "?!…？！".contains(last) {
            return ("", label.hasSuffix(" ") ? " " : "")
        }
        let between: String
        switch endsSentence {
        case true?:
            let end = words.around(.sentencePattern, placeholder: "text").after
            between = end + (end.last?.isASCII == true ? " " : "")
        case false?:
            between = label
        case nil:
            let capital = (opening ?? []).plainText.first(where: \.isLetter)?.isUppercase == true
            between = capital ? words.labelParts("", pattern: .leadInSentencePattern).before : label
        }
        let mark = between.replacing(/\ +$/, with: "")
        return (mark, String(between.dropFirst(mark.count)))
    }

    /// The first paragraph as the model writes it, for an edition that sets bold as a
    /// style of its runs: the title in bold (with its colon or full stop when text
    /// follows), then the opening's text; nil when there is no title.
    public func titledOpening(_ words: Words) -> [Inline]? {
        guard !title.isEmpty else { return nil }
        guard let opening else { return [.strong(title)] }
        let joint = joint(words)
        return [.strong(title + [.text(joint.mark)])] + (joint.space.isEmpty ? [] : [.text(joint.space)]) + opening
    }
}
