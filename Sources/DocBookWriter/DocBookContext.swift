import ReportModel
import SharedWriting
import XMLSupport
import XMLWriting

/// The state of one DocBook write: which footnotes have been written already, so that
/// later references become `footnoteref`.
final class DocBookContext {
    let report: Report
    var writtenFootnotes: Set<String> = []
    let footnotes: [String: Footnote]
    /// The ids that elements of this article carry, so that a reference to any other id
    /// (possible in a hand-written JSON model) never becomes a dangling `linkend`.
    let targets: Set<String>
    let referenceLabels: [String: String]
    /// The words Imprint writes itself, in the report's language.
    let words: Words

    init(manuscript: Manuscript) {
        report = manuscript.report
        footnotes = manuscript.index.footnotes
        targets = manuscript.index.identifiers
        referenceLabels = manuscript.referenceLabels
        words = manuscript.words
    }

    // MARK: - Sections

    func write(_ section: Section, into parent: XMLElement) {
        let element = parent.element("section", ["xml:id": section.id])
        if let number = section.number { element.setAttribute("label", number) }
        let roles = section.classes.joined(separator: " ")
        if !roles.isEmpty { element.setAttribute("role", roles) }
        writeInlines(section.title, into: element.element("title"))
        if section.subsections.isEmpty && section.blocks.allSatisfy(Self.writesNothing) { element.element("para") }
        element.addChildren(of: SectionParts(section), streamed: LargeBlocks.isLarge(section)) { [self] part in
            switch part {
            case .block(let block): write(block, into: element)
            case .subsection(let subsection): write(subsection, into: element)
            }
        }
    }

    // MARK: - Blocks

    /// Writes one block and returns its element.
    @discardableResult
    func write(_ block: Block, into parent: XMLElement) -> XMLElement? {
        switch block {
        case .paragraph(let inlines):
            let para = parent.element("para")
            if TextDirection.isRightToLeft(inlines) { para.setAttribute("dir", "rtl") }
            writeParagraphInlines(inlines, into: para)
            return para
        case .list(let list):
            return write(list, into: parent)
        case .quote(let blocks):
            let quote = parent.element("blockquote")
            writeBlocks(blocks, into: quote)
            return quote
        case .code(let code):
            let listing = parent.element("programlisting", text: code.text)
            if let language = code.language { listing.setAttribute("language", language) }
            return listing
        case .thematicBreak:
            return parent.element("para", ["role": "thematic-break"])
        case .table(let table):
            return TableWriter(table: table).write(into: parent) { [self] inlines, cell in writeInlines(inlines, into: cell) }
        case .figure(let figure):
            return write(figure, into: parent)
        case .keyJudgments(let judgments):
            guard !judgments.isEmpty else { return nil }
            let list = parent.element("orderedlist", ["role": "key-judgments"])
            list.addChildren(of: judgments, streamed: LargeBlocks.isLarge(block)) { [self] judgment in
                let assessment = AssessmentWords(
                    likelihood: judgment.likelihood, impact: judgment.impact, confidence: judgment.confidence, words: words)
                writeAnalyticItem(
                    role: "key-judgment", id: judgment.id, leadIn: LeadIn(judgment),
                    assessment: assessment.sentences, into: list)
            }
            return list
        case .risks(let risks):
            guard !risks.isEmpty else { return nil }
            let list = parent.element("orderedlist", ["role": "risks"])
            list.addChildren(of: risks, streamed: LargeBlocks.isLarge(block)) { [self] risk in
                let assessment = AssessmentWords(likelihood: risk.likelihood, impact: risk.impact, confidence: risk.confidence, words: words)
                writeAnalyticItem(
                    role: "risk", id: risk.id, leadIn: LeadIn(risk), assessment: assessment.sentences,
                    into: list)
            }
            return list
        case .sources(let sources):
            guard !sources.isEmpty else { return nil }
            let list = parent.element("orderedlist", ["role": "sources"])
            list.addChildren(of: sources, streamed: LargeBlocks.isLarge(block)) { [self] source in
                let grade = source.grade.map { grade in
                    [("grade", grade.sentence(words).plainText)]
                } ?? []
                writeAnalyticItem(
                    role: "source", id: source.id, leadIn: LeadIn(source), assessment: grade, into: list)
            }
            return list
        }
    }

    /// Writes blocks into a container that DocBook does not allow to be empty; an empty
    /// paragraph stands in when none of them writes anything.
    func writeBlocks(_ blocks: [Block], into parent: XMLElement) {
        guard !blocks.allSatisfy(Self.writesNothing) else {
            parent.element("para")
            return
        }
        parent.addChildren(of: blocks, streamed: LargeBlocks.isLarge(blocks)) { [self] block in write(block, into: parent) }
    }

    /// Whether `write(_:into:)` writes nothing for `block` (and returns nil): an empty list.
    static func writesNothing(_ block: Block) -> Bool {
        switch block {
        case .list(let list): list.items.isEmpty
        case .keyJudgments(let judgments): judgments.isEmpty
        case .risks(let risks): risks.isEmpty
        case .sources(let sources): sources.isEmpty
        case .paragraph, .quote, .code, .thematicBreak, .table, .figure: false
        }
    }

    private func write(_ list: ListBlock, into parent: XMLElement) -> XMLElement? {
        guard !list.items.isEmpty else { return nil }
        let element = parent.element(list.ordered ? "orderedlist" : "itemizedlist")
        element.setAttribute("spacing", list.tight ? "compact" : "normal")
        if list.ordered && list.start != 1 { element.setAttribute("startingnumber", String(list.start)) }
        element.addChildren(of: list.items, streamed: LargeBlocks.isLarge(.list(list))) { [self] item in
            let listItem = element.element("listitem")
            if let id = item.id { listItem.setAttribute("xml:id", id) }
            var roles = item.classes
            if let task = item.task { roles.append(task ? "task-done" : "task-open") }
            if !roles.isEmpty { listItem.setAttribute("role", roles.joined(separator: " ")) }
            writeBlocks(item.blocks, into: listItem)
        }
        return element
    }

    private func write(_ figure: Figure, into parent: XMLElement) -> XMLElement {
        let element = parent.element(figure.caption.isEmpty ? "informalfigure" : "figure")
        if let id = figure.id { element.setAttribute("xml:id", id) }
        if !figure.caption.isEmpty { writeInlines(figure.caption, into: element.element("title")) }
        let media = element.element("mediaobject")
        let data = media.element("imageobject").element("imagedata", ["fileref": figure.source])
        if let width = figure.width { data.setAttribute("width", width) }
        media.element("textobject").element("phrase", text: figure.alt)
        // Credit, license and source (`Figure.notes`), each a paragraph: "Label: text", the
        // text a link when there is an address. (An attribute Imprint does not know is
        // reported when the report is read, and printed in no edition.)
        let notes = figure.notes(words).map { (role: $0.kind.rawValue, label: $0.label, text: $0.text, url: $0.url) }
        if !notes.isEmpty {
            let caption = media.element("caption")
            for note in notes {
                let label = words.labelParts(note.label)
                let para = caption.element("para", ["role": note.role], text: label.before)
                if let url = note.url { para.element("link", ["xlink:href": url], text: note.text) } else { para.addText(note.text) }
                if !label.after.isEmpty { para.addText(label.after) }
            }
        }
        return element
    }
}
