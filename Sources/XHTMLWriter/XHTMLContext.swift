import ReportModel
import SharedWriting
import XMLSupport
import XMLWriting

/// How footnotes are set.
public enum FootnoteStyle: Sendable {
    /// The note stands where it is first referenced, for the print engine to float to the
    /// foot of the page.
    case inline
    /// A note reference where the note is referenced and, at the end of the document, the
    /// note with its back-link first (the order pop-up notes in e-book readers need), with
    /// the attributes the edition adds to them.
    case endOfDocument(NoteMarkup)
}

/// Attributes an edition adds to notes written at the end of a document (the note types
/// of an e-book, in a namespace the edition declares): to each reference, to the section
/// that holds the notes, and to each note.
public struct NoteMarkup: Sendable {
    public var reference: [String: String]
    public var section: [String: String]
    public var note: [String: String]

    public init(reference: [String: String] = [:], section: [String: String] = [:], note: [String: String] = [:]) {
        self.reference = reference
        self.section = section
        self.note = note
    }

    /// Sets `attributes` on `element`, in the order of their names.
    static func add(_ attributes: [String: String], to element: XMLElement) {
        for name in attributes.keys.sorted() { element.setAttribute(name, attributes[name]!) }
    }
}

/// The state of one XHTML write: generated labels for cross-references, which footnotes
/// are already written, and which explanations (yardstick, grading scale) are.
final class XHTMLContext {
    let report: Report
    let footnoteStyle: FootnoteStyle
    /// Where links and images point.
    let addressing: any XHTMLAddressing
    /// Notes referenced in the current document, to be written at its end.
    var pendingNotes: [Footnote] = []
    var pendingLabels: Set<String> = []
    /// The next of `pendingNotes` to write.
    var pendingNoteIndex = 0
    /// The words an empty cross-reference shows, by target id (`Manuscript.referenceLabels`).
    let referenceLabels: [String: String]
    /// The words Imprint writes itself, in the report's language.
    let words: Words
    /// Every id of the report: a reference to any other (possible in a hand-written JSON
    /// model) is not made a link that leads nowhere.
    let identifiers: Set<String>
    let footnotes: [String: Footnote]
    var writtenFootnotes: Set<String> = []
    /// How many links the inlines being written are inside: HTML forbids a link in a link,
    /// so inner ones (possible in a hand-written JSON model) are written as plain spans.
    var linkDepth = 0
    /// Where the likelihood terms and the grading scale are explained.
    var scaleNotes: ScaleNotePlacement
    /// See `XHTMLWriter.Options.keepsNamesWhole`.
    var keepsNamesWhole = false
    /// See `XHTMLWriter.Options.outlinesShapedSVGText`.
    var outlinesShapedSVGText = false
    /// The risk matrices written so far (each outlined one's ids have its number).
    var matrices = 0

    init(manuscript: Manuscript, addressing: any XHTMLAddressing, footnoteStyle: FootnoteStyle = .inline) {
        report = manuscript.report
        self.footnoteStyle = footnoteStyle
        self.addressing = addressing
        let index = manuscript.index
        referenceLabels = manuscript.referenceLabels
        words = manuscript.words
        identifiers = index.identifiers
        footnotes = index.footnotes
        scaleNotes = ScaleNotePlacement(report: manuscript.report, index: index)
    }

    // MARK: - Sections

    func write(_ section: Section, into parent: XMLElement) {
        let classes = (["level-\(section.level)"] + section.classes).joined(separator: " ")
        let element = parent.element("section", ["id": section.id, "class": classes])
        let heading = element.element("h\(min(section.level, 6))")
        heading.beginMixedContent()
        if let number = section.headingNumber(words) {
            heading.element("span", ["class": "number"], text: number)
            heading.addText(" ")
        }
        // A heading is never empty; a section without a title (possible in a JSON model)
        // is called what it is.
        let untitled = section.title.plainText.allSatisfy(\.isWhitespace)
        writeInlines(untitled && section.number == nil ? section.title + [.text(words[.untitledSection])] : section.title, into: heading)
        element.addChildren(of: SectionParts(section), streamed: LargeBlocks.isLarge(section)) { [self] part in
            switch part {
            case .block(let block): write(block, into: element)
            case .subsection(let subsection): write(subsection, into: element)
            }
        }
    }

    // MARK: - Blocks

    func write(_ block: Block, into parent: XMLElement) {
        switch block {
        case .paragraph(let inlines):
            let paragraph = parent.element("p")
            if TextDirection.isRightToLeft(inlines) { paragraph.setAttribute("dir", "rtl") }
            writeParagraphInlines(inlines, into: paragraph)
        case .list(let list):
            write(list, into: parent)
        case .quote(let blocks):
            let quote = parent.element("blockquote")
            quote.addChildren(of: blocks, streamed: LargeBlocks.isLarge(block)) { [self] block in write(block, into: quote) }
        case .code(let code):
            let pre = parent.element("pre")
            let element = pre.element("code", text: code.text)
            if let language = code.language { element.setAttribute("class", "language-" + language) }
        case .thematicBreak:
            parent.element("hr")
        case .table(let table):
            write(table, into: parent)
        case .figure(let figure):
            write(figure, into: parent)
        case .keyJudgments(let judgments):
            writeKeyJudgments(judgments, into: parent)
        case .risks(let risks):
            writeRiskRegister(risks, into: parent)
        case .sources(let sources):
            writeSources(sources, into: parent)
        }
    }

    private func write(_ list: ListBlock, into parent: XMLElement) {
        let element = parent.element(list.ordered ? "ol" : "ul")
        if list.ordered && list.start != 1 {
            element.setAttribute("start", String(list.start))
            // Paged-media engines such as WeasyPrint ignore `start`; the counter says the same.
            element.setAttribute("style", "counter-reset: list-item \(list.start - 1)")
        }
        if !list.tight { element.setAttribute("class", "loose") }
        element.addChildren(of: list.items, streamed: LargeBlocks.isLarge(.list(list))) { [self] item in
            let listItem = element.element("li")
            if let id = item.id { listItem.setAttribute("id", id) }
            var classes = item.classes
            if let task = item.task { classes += ["task", task ? "done" : "open"] }
            if !classes.isEmpty { listItem.setAttribute("class", classes.joined(separator: " ")) }
            if let task = item.task {
                listItem.element("span", ["class": "task-box", "role": "img", "aria-label": words[task ? .taskDone : .taskOpen]], text: task ? "☑" : "☐")
                listItem.addText(" ")
            }
            // A tight list's paragraphs are set as plain text, as Markdown renders them; a
            // line break between that text and a block after it (a nested list) keeps their
            // words apart for a reader without the style sheet (or a conversion to text).
            var afterText = false
            let writeBlock = { [self] (block: Block) in
                if list.tight, case .paragraph(let inlines) = block {
                    writeInlines(inlines, into: listItem)
                    afterText = true
                } else {
                    if afterText { listItem.addText("\n") }
                    write(block, into: listItem)
                    afterText = false
                }
            }
            listItem.addChildren(of: item.blocks, streamed: LargeBlocks.isLarge(item.blocks), with: writeBlock)
        }
    }

    private func write(_ table: Table, into parent: XMLElement) {
        let element = parent.element("table")
        if let id = table.id { element.setAttribute("id", id) }
        if let width = TableWidth(columns: table.columnCount).className { element.setAttribute("class", width) }
        element.addChildren(streamed: LargeBlocks.isLarge(.table(table)), all: { [self] in writeParts(of: table, into: element) })
    }

    /// A table's caption, head and body, its rows streamed when there are many.
    private func writeParts(of table: Table, into element: XMLElement) {
        if let caption = table.caption {
            let captionElement = element.element("caption")
            captionElement.beginMixedContent()
            captionElement.element("span", ["class": "label"], text: words.caption(.table, number: table.number))
            captionElement.addText(" ")
            writeInlines(caption, into: captionElement)
        }
        func alignment(_ column: Int) -> String? {
            guard column < table.alignments.count, table.alignments[column] != .none else { return nil }
            return "align-" + table.alignments[column].rawValue
        }
        // Every row gets the same number of cells, so that no column is left ragged.
        let columns = table.columnCount
        func writeRow(_ row: TableRow, cell name: String, into parent: XMLElement) {
            let tr = parent.element("tr")
            for column in 0..<columns {
                let cell = tr.element(name)
                if name == "th" { cell.setAttribute("scope", "col") }
                if let alignment = alignment(column) { cell.setAttribute("class", alignment) }
                if column < row.cells.count { writeInlines(row.cells[column], into: cell) }
            }
        }
        if !table.header.cells.isEmpty { writeRow(table.header, cell: "th", into: element.element("thead")) }
        let body = element.element("tbody")
        body.addChildren(of: table.rows) { row in writeRow(row, cell: "td", into: body) }
    }

    private func write(_ figure: Figure, into parent: XMLElement) {
        let element = parent.element("figure", ["class": "figure"])
        if let id = figure.id { element.setAttribute("id", id) }
        let image = element.element("img", ["src": addressing.resource(figure.source), "alt": figure.alt])
        if let width = figure.width { image.setAttribute("style", "width: \(width)") }
        let caption = element.element("figcaption")
        caption.beginMixedContent()
        caption.element("span", ["class": "label"], text: words.caption(.figure, number: figure.number))
        if !figure.caption.isEmpty {
            caption.addText(" ")
            writeInlines(figure.caption, into: caption)
        }
        for note in figure.notes(words) {
            let label = words.labelParts(note.label)
            let span = caption.element("span", ["class": note.kind.rawValue], text: label.before)
            if let url = note.url { span.element("a", ["href": url], text: note.text) } else { span.addText(note.text) }
            if !label.after.isEmpty { span.addText(label.after) }
        }
    }

    /// Whether a reference to `id` can be a link: the id exists and is written where a link
    /// reaches it.
    func isLinkable(_ id: String) -> Bool {
        identifiers.contains(id) && addressing.reaches(id)
    }
}
