import ReportModel
import SharedWriting
import XMLSupport

/// Inline content as runs: styles nest as run properties, links and cross-references as
/// hyperlinks (to an address, or to a bookmark), notes as footnote references.
extension WordBody {
    func writeInlines(_ inlines: [Inline], into parent: XMLElement, style: RunStyle = RunStyle()) {
        for inline in ReferenceWording.resolved(inlines, labels: context.manuscript.referenceLabels) {
            write(inline, into: parent, style: style)
        }
    }

    /// A paragraph's inline content; that of a long one (more than
    /// `XMLElement.streamingThreshold` pieces) added as the paragraph is written when it is
    /// a child of the streamed body (`XMLElement.addChildren(of:with:)`): a paragraph of
    /// 80,000 cross-references is never whole in the tree.
    func streamInlines(_ inlines: [Inline], into paragraph: XMLElement) {
        paragraph.addChildren(of: ReferenceWording.resolved(inlines, labels: context.manuscript.referenceLabels)) { inline in
            write(inline, into: paragraph, style: RunStyle())
        }
    }

    private func write(_ inline: Inline, into parent: XMLElement, style: RunStyle) {
        switch inline {
        case .text(let text):
            style.run(text, into: parent, rightToLeft: words.isRightToLeft)
        case .emphasis(let content):
            var inner = style
            inner.italic.toggle()
            writeInlines(content, into: parent, style: inner)
        case .strong(let content):
            var inner = style
            inner.bold = true
            writeInlines(content, into: parent, style: inner)
        case .strikethrough(let content):
            var inner = style
            inner.strike = true
            writeInlines(content, into: parent, style: inner)
        case .code(let text):
            var inner = style
            inner.characterStyle = "VerbatimChar"
            inner.run(text, into: parent)
        case .link(let link):
            let hyperlink = parent.element("w:hyperlink", ["r:id": context.linkID(link.url)])
            if let title = link.title { hyperlink.setAttribute("w:tooltip", title) }
            var inner = style
            inner.characterStyle = "Hyperlink"
            writeInlines(link.content.isEmpty ? [.text(link.url)] : link.content, into: hyperlink, style: inner)
        case .crossReference(let reference):
            let hyperlink = parent.element("w:hyperlink", ["w:anchor": context.bookmark(reference.target)])
            var inner = style
            inner.characterStyle = "Hyperlink"
            let label = context.manuscript.referenceLabels[reference.target] ?? reference.target
            writeInlines(reference.content.isEmpty ? [.text(label)] : reference.content, into: hyperlink, style: inner)
        case .image(let image):
            writeDrawing(image.source, alt: image.alt, width: nil, into: parent, inline: true)
        case .lineBreak:
            style.start(in: parent).element("w:br")
        case .footnoteReference(let label):
            guard let id = context.footnoteIDs[label] else {
                style.run("[^\(label)]", into: parent)
                return
            }
            var inner = style
            inner.characterStyle = "FootnoteReference"
            inner.start(in: parent).element("w:footnoteReference", ["w:id": String(id)])
        }
    }
}
