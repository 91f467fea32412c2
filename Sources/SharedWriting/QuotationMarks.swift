import ReportModel

/// The author's quotation marks and spaces before punctuation as the report's language
/// sets them (`pattern.quote`, `pattern.inner-quote`, `pattern.marks`): the
/// Markdown reader curls straight quotes the English way (“…” and ‘…’), and here they
/// become French « … » with narrow no-break spaces, German „…“, Japanese 「…」, in every
/// edition at once (`Manuscript` applies it before any writer sees the report). Code is
/// never touched, nor addresses; an apostrophe stays one (a ’ closes a ‘ only when no
/// letter follows it); marks the author typed in a language's own style (German „…“) are
/// kept.
public struct QuotationMarks: Sendable {
    let primary: (before: String, after: String)
    let inner: (before: String, after: String)
    /// What the language puts between a word and `: ; ! ?` (a narrow no-break space in
    /// French); empty where it puts nothing of its own.
    let spaceBeforeMarks: String
    /// What the language puts between a number and `%` (`pattern.percent`: a narrow
    /// no-break space in French, a no-break space in German); empty where nothing.
    let spaceBeforePercent: String

    public init(_ words: Words) {
        primary = words.around(.quotePattern, placeholder: "text")
        inner = words.around(.innerQuotePattern, placeholder: "text")
        spaceBeforeMarks = words.around(.marksPattern, placeholder: "mark").before
        let percent = words.around(.percentPattern, placeholder: "n").after
        spaceBeforePercent = percent.hasSuffix("%") ? String(percent.dropLast()).filter { $0.isWhitespace } : ""
    }

    /// Whether the language writes the author's marks as English does (nothing to change).
    public var isEnglish: Bool {
        primary == ("\u{201C}", "\u{201D}") && inner == ("\u{2018}", "\u{2019}") && spaceBeforeMarks.isEmpty
            && spaceBeforePercent.isEmpty
    }

    /// The report with the author's text set in the language's marks: its sections,
    /// blocks, notes and title lines.
    public func applied(to report: Report) -> Report {
        guard !isEnglish else { return report }
        var report = report
        report.metadata.title = text(report.metadata.title)
        report.metadata.shortTitle = report.metadata.shortTitle.map(text)
        report.metadata.subtitle = report.metadata.subtitle.map(text)
        report.lead = report.lead.map(block)
        report.sections = report.sections.map(section)
        for index in report.footnotes.indices { report.footnotes[index].blocks = report.footnotes[index].blocks.map(block) }
        return report
    }

    private func section(_ section: Section) -> Section {
        var section = section
        section.title = inlines(section.title)
        section.blocks = section.blocks.map(block)
        section.subsections = section.subsections.map(self.section)
        return section
    }

    private func block(_ block: Block) -> Block {
        switch block {
        case .paragraph(let content): return .paragraph(inlines(content))
        case .list(var list):
            for index in list.items.indices { list.items[index].blocks = list.items[index].blocks.map(self.block) }
            return .list(list)
        case .quote(let blocks): return .quote(blocks.map(self.block))
        case .code, .thematicBreak: return block
        case .table(var table):
            table.caption = table.caption.map(inlines)
            table.header.cells = table.header.cells.map(inlines)
            for index in table.rows.indices { table.rows[index].cells = table.rows[index].cells.map(inlines) }
            return .table(table)
        case .figure(var figure):
            figure.caption = inlines(figure.caption)
            return .figure(figure)
        case .keyJudgments(var items):
            for index in items.indices {
                items[index].title = inlines(items[index].title)
                items[index].blocks = items[index].blocks.map(self.block)
            }
            return .keyJudgments(items)
        case .risks(var items):
            for index in items.indices {
                items[index].title = inlines(items[index].title)
                items[index].blocks = items[index].blocks.map(self.block)
            }
            return .risks(items)
        case .sources(var items):
            for index in items.indices { items[index].blocks = items[index].blocks.map(self.block) }
            return .sources(items)
        }
    }

    /// A run of inlines (a paragraph, a heading, a cell): a quotation opened in one inline
    /// may close in another (“*Title*”), so the open marks are followed across them.
    func inlines(_ run: [Inline]) -> [Inline] {
        var open: [Character] = []
        return inlines(run, open: &open)
    }

    private func inlines(_ run: [Inline], open: inout [Character]) -> [Inline] {
        run.enumerated().map { position, inline in
            switch inline {
            case .text(let content):
                // What follows the text, to tell an apostrophe from a closing mark.
                let next: Character? = if case .text(let after)? = run.dropFirst(position + 1).first { after.first } else { nil }
                return .text(text(content, open: &open, next: next))
            case .emphasis(let content): return .emphasis(inlines(content, open: &open))
            case .strong(let content): return .strong(inlines(content, open: &open))
            case .strikethrough(let content): return .strikethrough(inlines(content, open: &open))
            case .link(var link):
                link.content = inlines(link.content, open: &open)
                return .link(link)
            case .crossReference(var reference):
                reference.content = inlines(reference.content, open: &open)
                return .crossReference(reference)
            case .code, .image, .lineBreak, .footnoteReference: return inline
            }
        }
    }

    /// A line of plain text (a title) in the language's marks.
    func text(_ content: String) -> String {
        var open: [Character] = []
        return text(content, open: &open, next: nil)
    }

    private func text(_ content: String, open: inout [Character], next: Character?) -> String {
        guard content.contains(where: { "\u{201C}\u{201D}\u{2018}\u{2019}\u{201E}\u{201A}:;!?«»%".contains($0) }) else { return content }
        let characters = Array(content)
        var result = ""
        result.reserveCapacity(content.utf8.count + 8)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let following = index + 1 < characters.count ? characters[index + 1] : next
            index += 1
            switch character {
            case "\u{201E}", "\u{201A}":
                // The German low marks the author typed, kept, and followed: the “ or ‘ after
                // one closes it.
                open.append(character)
                result.append(character)
            case "\u{201C}" where open.last == "\u{201E}", "\u{2018}" where open.last == "\u{201A}":
                open.removeLast()
                result.append(character)
            case "\u{201C}":
                open.append(character)
                result += primary.before
            case "\u{201D}":
                if open.last == "\u{201C}" { open.removeLast() }
                result += primary.after
            case "\u{2018}":
                open.append(character)
                result += inner.before
            case "\u{2019}" where open.last == "\u{2018}" && !(following?.isLetter ?? false):
                open.removeLast()
                result += inner.after
            case ":", ";", "!", "?", "»":
                // The author's space before the mark becomes the language's, which never
                // breaks; a mark written against its word (a time, an address) is left.
                if !spaceBeforeMarks.isEmpty, result.last == " " || result.last == "\u{00A0}" {
                    result.removeLast()
                    result += spaceBeforeMarks
                }
                result.append(character)
            case "%":
                // The author's space between a number and `%` becomes the language's, which
                // never breaks.
                if !spaceBeforePercent.isEmpty, result.last == " ", result.dropLast().last?.isNumber == true {
                    result.removeLast()
                    result += spaceBeforePercent
                }
                result.append(character)
            case "«":
                result.append(character)
                if !spaceBeforeMarks.isEmpty, following == " " || following == "\u{00A0}", index < characters.count {
                    result += spaceBeforeMarks
                    index += 1
                }
            default:
                result.append(character)
            }
        }
        return result
    }
}
