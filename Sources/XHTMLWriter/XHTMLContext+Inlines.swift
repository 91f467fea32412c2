import ReportModel
import XMLSupport

extension XHTMLContext {
    mutating func writeInlines(_ inlines: [Inline], into parent: XMLElement) {
        parent.beginMixedContent()
        for inline in inlines { write(inline, into: parent) }
    }

    private mutating func write(_ inline: Inline, into parent: XMLElement) {
        switch inline {
        case .text(let text):
            parent.addText(text)
        case .emphasis(let content):
            writeInlines(content, into: parent.element("em"))
        case .strong(let content):
            writeInlines(content, into: parent.element("strong"))
        case .strikethrough(let content):
            writeInlines(content, into: parent.element("del"))
        case .code(let text):
            parent.element("code", text: text)
        case .link(let link):
            let element = anchor(["href": link.url], in: parent)
            if let title = link.title { element.setAttribute("title", title) }
            writeLinked(link.content.isEmpty ? [.text(link.url)] : link.content, into: element)
        case .crossReference(let reference):
            let element = anchor(["class": "xref", "href": "#" + reference.target], in: parent)
            if reference.content.isEmpty {
                element.addText(referenceLabels[reference.target] ?? reference.target)
            } else {
                writeLinked(reference.content, into: element)
            }
        case .image(let image):
            let element = parent.element("img", ["src": resource(image.source), "alt": image.alt, "class": "inline"])
            if let title = image.title { element.setAttribute("title", title) }
        case .lineBreak:
            parent.element("br")
        case .footnoteReference(let label):
            writeFootnoteReference(label, into: parent)
        }
    }

    /// An `a` element, or a `span` with the same class when already inside a link.
    private func anchor(_ attributes: KeyValuePairs<String, String>, in parent: XMLElement) -> XMLElement {
        guard linkDepth > 0 else { return parent.element("a", attributes) }
        let span = parent.element("span")
        for (key, value) in attributes where key == "class" { span.setAttribute(key, value) }
        return span
    }

    private mutating func writeLinked(_ inlines: [Inline], into element: XMLElement) {
        linkDepth += 1
        writeInlines(inlines, into: element)
        linkDepth -= 1
    }

    /// The first reference carries the note itself, which the print style sheet floats to the
    /// foot of the page (`float: footnote`); later references link to it.
    private mutating func writeFootnoteReference(_ label: String, into parent: XMLElement) {
        guard let footnote = footnotes[label] else {
            parent.addText("[^\(label)]")
            return
        }
        if writtenFootnotes.contains(label) {
            anchor(["class": "footnote-ref", "href": "#" + footnote.id], in: parent)
                .element("sup", text: String(footnote.number))
            return
        }
        writtenFootnotes.insert(label)
        let note = parent.element("span", ["class": "footnote", "id": footnote.id])
        note.beginMixedContent()
        // A footnote sits inside a sentence, so only phrasing content may go in: its
        // paragraphs are joined with spaces, other blocks given as their text.
        for (index, block) in footnote.blocks.enumerated() {
            if index > 0 { note.addText(" ") }
            if case .paragraph(let inlines) = block {
                writeInlines(inlines, into: note)
            } else {
                note.addText([block].plainText)
            }
        }
    }
}
