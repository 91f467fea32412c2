import ReportModel
import SharedWriting

/// The state of one text write: the output, and the notes and links numbered so far.
struct TextContext {
    let report: Report
    let width: Int
    var output: TextOutput
    let referenceLabels: [String: String]
    /// The words Imprint writes itself, in the report's language.
    let words: Words
    /// Footnotes in the order first referenced, and each one's number in this text.
    var notes: [Footnote] = []
    var noteNumbers: [String: Int] = [:]
    let footnotesByLabel: [String: Footnote]
    /// Link addresses in the order first met, each numbered once.
    var links: [String] = []
    var linkNumbers: [String: Int] = [:]

    /// Indentation never leaves less than this for text, however deep the nesting.
    var minimumTextWidth: Int { max(10, width / 2) }

    init(manuscript: Manuscript, width: Int, output: TextOutput) {
        report = manuscript.report
        self.width = width
        self.output = output
        referenceLabels = manuscript.referenceLabels
        words = manuscript.words
        footnotesByLabel = manuscript.index.footnotes
    }

    var wrapper: LineWrapper { LineWrapper(width: width) }

    /// The columns at which an enclosing quote's bar stands (see `indentation(_:)`).
    var quoteColumns: [Int] = []

    /// Indentation for a nesting of `columns`, capped so that text keeps its room: spaces,
    /// with a `>` at the column of each enclosing quote, so that a quote reads as one
    /// (and a code block, only indented, does not).
    func indentation(_ columns: Int) -> String {
        let count = max(0, min(columns, width - minimumTextWidth))
        var indentation = [Character](repeating: " ", count: count)
        for column in quoteColumns where column < count { indentation[column] = ">" }
        return String(indentation)
    }

    /// A paragraph of `text`, wrapped, with `first` before its first line and the
    /// indentation (and the marker's width in spaces) before the others.
    mutating func paragraph(_ text: String, indent: Int, marker: String = "") {
        let prefix = indentation(indent)
        let hanging = prefix + String(repeating: " ", count: DisplayWidth.of(marker))
        output.append(wrapper.wrap(text, first: prefix + marker, rest: hanging))
    }

    // MARK: - Marking and title block

    /// The TLP label and the classification, on the first and the last line.
    mutating func writeMarking(last: Bool = false) {
        guard let marking = report.metadata.marking else { return }
        let parts = [marking.tlp?.label, marking.classification].compactMap { $0 }
        guard !parts.isEmpty else { return }
        if last { output.blank() }
        output.append(wrapper.wrap(parts.joined(separator: " · ")))
        if !last { output.blank() }
    }

    mutating func writeTitleBlock() {
        let metadata = report.metadata
        if let series = metadata.series {
            output.append(wrapper.wrap(series.parts(words).map(\.text).joined(separator: words[.partSeparator])))
            output.blank()
        }
        writeTitle()
        if let subtitle = metadata.subtitle { output.append(wrapper.wrap(subtitle)) }
        output.blank()
        for author in metadata.authors {
            var line = author.name
            if let affiliation = author.affiliation { line += words[.listSeparator] + affiliation }
            if let email = author.email { line += " <\(email)>" }
            output.append(wrapper.wrap(line, rest: "  "))
        }
        if let publisher = metadata.publisher {
            output.append(wrapper.wrap(words(.publishedBy, ["name": publisher.name]) + (publisher.url.map { " <\($0)>" } ?? "")))
        }
        let dates = words.dates(of: metadata)
        if !dates.isEmpty { output.append(wrapper.wrap(dates.joined(separator: words[.listSeparator]))) }
        writeNotice()
        output.blank()
    }

    /// The brief's masthead, in three lines or so, so that the bottom line comes first:
    /// the title (three lines at most at 72 columns), underlined, then series and issue, authors and
    /// dates on a line (three at most at 72 columns); what does not fit ends in "…".
    mutating func writeCompactTitleBlock() {
        let metadata = report.metadata
        let words = self.words
        // What three lines hold at 72 columns, on as many more as a narrower text needs.
        let lines = max(3, 3 * 72 / width)
        writeTitle(lines: lines)
        let series = metadata.series.map { ([$0.title].compactMap { $0 } + $0.numbering(words)).joined(separator: words[.listSeparator]) }
        let authors = metadata.authors.map(\.name).joined(separator: words[.listSeparator])
        // A date is never broken over two lines.
        let unbroken = { (date: ReportDate) in String(words.date(date).map { $0 == " " ? "\u{00A0}" : $0 }) }
        let dates = words.dates(of: metadata, format: unbroken).joined(separator: words[.listSeparator])
        let byline = [series, authors, dates].compactMap { $0?.isEmpty == false ? $0 : nil }
        if !byline.isEmpty { output.append(capped(wrapper.wrap(byline.joined(separator: " · ")), to: lines)) }
    }

    /// `lines`, the first `count` of them, the last ending in "…" when any are left out.
    private func capped(_ lines: [String], to count: Int) -> [String] {
        guard lines.count > count else { return lines }
        var kept = Array(lines.prefix(count))
        var last = kept[count - 1]
        while !last.isEmpty && DisplayWidth.of(last) + 1 > width { last.removeLast() }
        kept[count - 1] = last + "…"
        return kept
    }

    /// The title, wrapped (to `lines` at most), underlined with `=` as wide as its widest line.
    private mutating func writeTitle(lines: Int = .max) {
        let title = capped(wrapper.wrap(report.metadata.title), to: lines)
        output.append(title)
        output.append(String(repeating: "=", count: min(width, title.map { DisplayWidth.of($0) }.max() ?? 0)))
    }

    /// The marking's handling notice, in a paragraph of its own.
    mutating func writeNotice() {
        guard let notice = report.metadata.marking?.notice else { return }
        output.blank()
        output.append(wrapper.wrap(notice))
    }

    // MARK: - Sections

    mutating func write(_ section: Section) {
        output.blank()
        // "1. ", "2.1 ", and an appendix's label as the language sets one: "Appendix A: ",
        // "Annexe A : ", "付録 A：".
        let number = section.headingNumber(words).map {
            section.isLetteredAppendix ? words.labelParts($0).before : $0.contains(".") ? $0 + " " : $0 + ". "
        } ?? ""
        let heading = wrapper.wrap(inlineText(section.title), first: number, rest: String(repeating: " ", count: DisplayWidth.of(number)))
        output.append(heading)
        if section.level <= 2 {
            output.append(String(repeating: "-", count: min(width, heading.map { DisplayWidth.of($0) }.max() ?? 0)))
        }
        output.blank()
        for block in section.blocks { write(block, indent: 0) }
        for subsection in section.subsections { write(subsection) }
    }

    // MARK: - End matter

    /// Notes, link references and, in full, the colophon.
    mutating func writeEndMatter(full: Bool) {
        var index = 0
        if !notes.isEmpty {
            heading(words[.notes])
        }
        // Notes may refer to further notes, which are numbered and written in turn.
        while index < notes.count {
            let note = notes[index]
            index += 1
            let marker = "[\(index)] "
            var first = true
            for block in note.blocks {
                if first, case .paragraph(let inlines) = block {
                    paragraph(inlineText(inlines), indent: 0, marker: marker)
                } else {
                    if first { output.append(marker.trimmingTrailingSpaces().description) }
                    write(block, indent: DisplayWidth.of(marker))
                }
                first = false
            }
            if note.blocks.isEmpty { output.append(String(marker.dropLast())) }
        }
        if !links.isEmpty {
            heading(words[.links])
            for (number, url) in links.enumerated() {
                paragraph(url, indent: 0, marker: "<\(number + 1)> ")
            }
        }
        let metadata = report.metadata
        let colophon = [
            metadata.contact.map { words.labelled(words[.contact], $0) },
            full ? metadata.rights : nil,
            full ? metadata.license.map { words.labelled(words[.license], $0.name + ($0.url.map { " <\($0)>" } ?? "")) } : nil,
        ].compactMap { $0 } + (full ? (metadata.isbn?.lines(words) ?? []).map(\.text) : [])
            + [full ? words.labelled(words[.identifier], metadata.identifier) : nil].compactMap { $0 }
        if !colophon.isEmpty {
            output.blank()
            for line in colophon { output.append(wrapper.wrap(line, rest: "  ")) }
        }
    }
}
