import ReportModel
import SharedWriting
import XMLWriting
import XMLSupport

/// Inline content: text, emphasis, code, links, cross-references, images, footnotes.
extension DocBookContext: XMLEditionContext {
    static func element(for style: InlineStyle, in parent: XMLElement) -> XMLElement {
        switch style {
        case .emphasis: parent.element("emphasis")
        case .strong: parent.element("emphasis", ["role": "strong"])
        case .strikethrough: parent.element("emphasis", ["role": "strikethrough"])
        }
    }

    static func paragraph(in parent: XMLElement) -> XMLElement { parent.element("para") }

    func writeBlock(_ block: Block, into parent: XMLElement) { write(block, into: parent) }

    func writeLink(_ link: Link, into parent: XMLElement) {
        let element = parent.element("link", ["xlink:href": link.url])
        if let title = link.title { element.setAttribute("xlink:title", title) }
        writeInlines(link.content, into: element)
    }

    /// A cross-reference; one to an id this article does not have (possible in a JSON
    /// model) is a plain link, never a dangling `linkend`.
    func writeCrossReference(_ reference: CrossReference, into parent: XMLElement) {
        guard targets.contains(reference.target) else {
            let element = parent.element("link", ["xlink:href": "#" + reference.target])
            if reference.content.isEmpty { element.addText(reference.target) } else { writeInlines(reference.content, into: element) }
            return
        }
        if reference.content.isEmpty {
            parent.element("xref", ["linkend": reference.target])
        } else {
            writeInlines(reference.content, into: parent.element("link", ["linkend": reference.target]))
        }
    }

    func writeImage(_ image: InlineImage, into parent: XMLElement) {
        let media = parent.element("inlinemediaobject")
        media.element("imageobject").element("imagedata", ["fileref": image.source])
        media.element("textobject").element("phrase", text: image.alt)
    }

    func writeLineBreak(into parent: XMLElement) { parent.addProcessingInstruction("linebreak") }

    /// The first reference to a footnote carries its body; later ones point to it.
    func writeFootnoteReference(_ label: String, into parent: XMLElement) {
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
