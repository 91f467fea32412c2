import ReportModel
import XMLSupport

/// Inline content: text, emphasis, code, links, cross-references, images, footnotes.
extension DocBookContext {
    mutating func writeInlines(_ inlines: [Inline], into parent: XMLElement) {
        parent.beginMixedContent()
        for inline in inlines { write(inline, into: parent) }
    }

    private mutating func write(_ inline: Inline, into parent: XMLElement) {
        switch inline {
        case .text(let text):
            parent.addText(text)
        case .emphasis(let content):
            writeInlines(content, into: parent.element("emphasis"))
        case .strong(let content):
            writeInlines(content, into: parent.element("emphasis", ["role": "strong"]))
        case .strikethrough(let content):
            writeInlines(content, into: parent.element("emphasis", ["role": "strikethrough"]))
        case .code(let text):
            parent.element("code", text: text)
        case .link(let link):
            let element = parent.element("link", ["xlink:href": link.url])
            if let title = link.title { element.setAttribute("xlink:title", title) }
            writeInlines(link.content, into: element)
        case .crossReference(let reference) where !targets.contains(reference.target):
            let element = parent.element("link", ["xlink:href": "#" + reference.target])
            if reference.content.isEmpty { element.addText(reference.target) } else { writeInlines(reference.content, into: element) }
        case .crossReference(let reference):
            if reference.content.isEmpty {
                parent.element("xref", ["linkend": reference.target])
            } else {
                writeInlines(reference.content, into: parent.element("link", ["linkend": reference.target]))
            }
        case .image(let image):
            let media = parent.element("inlinemediaobject")
            media.element("imageobject").element("imagedata", ["fileref": image.source])
            media.element("textobject").element("phrase", text: image.alt)
        case .lineBreak:
            parent.addProcessingInstruction("linebreak")
        case .footnoteReference(let label):
            writeFootnoteReference(label, into: parent)
        }
    }

    /// The first reference to a footnote carries its body; later ones point to it.
    private mutating func writeFootnoteReference(_ label: String, into parent: XMLElement) {
        guard let footnote = footnotes[label] else {
            parent.addText("[^\(label)]")
            return
        }
        if writtenFootnotes.contains(label) {
            parent.element("footnoteref", ["linkend": footnote.id])
            return
        }
        writtenFootnotes.insert(label)
        let element = parent.element("footnote", ["xml:id": footnote.id, "label": String(footnote.number)])
        writeBlocks(footnote.blocks, into: element)
    }
}
