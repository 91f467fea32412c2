import ReportModel
import SharedWriting
import XMLSupport

/// What the two XML editions, DocBook and XHTML, write alike, each in its own elements:
/// runs of inline content (text, emphasis, strong, strikethrough, code), and the lead-in of
/// key judgments, risks and sources (`LeadIn`). A writer's context says which elements it
/// uses and writes the inlines that are its own (links, cross-references, images, line
/// breaks, note references). A context is a class: what it writes may be added while the
/// document is serialised (`XMLElement.streamChildren`), long after the call.
public protocol XMLEditionContext: AnyObject {
    /// The element an inline style is written in (`emphasis`, or `em`, …).
    static func element(for style: InlineStyle, in parent: XMLElement) -> XMLElement
    /// A new paragraph in `parent`.
    static func paragraph(in parent: XMLElement) -> XMLElement
    /// Marks the bold element of a lead-in as such, where the edition says so.
    static func markLeadIn(_ bold: XMLElement)
    /// The labels of the ids that cross-references without words point to
    /// (`Manuscript.referenceLabels`).
    var referenceLabels: [String: String] { get }
    /// The words Imprint writes itself, in the report's language (the lead-in's colon).
    var words: Words { get }
    // The inlines this layer leaves to the edition.
    /// Plain text (by default, as it is).
    func writeText(_ text: String, into parent: XMLElement)
    func writeLink(_ link: Link, into parent: XMLElement)
    func writeCrossReference(_ reference: CrossReference, into parent: XMLElement)
    func writeImage(_ image: InlineImage, into parent: XMLElement)
    func writeLineBreak(into parent: XMLElement)
    func writeFootnoteReference(_ label: String, into parent: XMLElement)
    /// A block, in the edition's markup.
    func writeBlock(_ block: Block, into parent: XMLElement)
}

/// The styles of inline text every XML edition marks up.
public enum InlineStyle: Sendable {
    case emphasis, strong, strikethrough
}

extension XMLEditionContext {
    public static func markLeadIn(_ bold: XMLElement) {}

    public func writeText(_ text: String, into parent: XMLElement) { parent.addText(text) }

    /// Inline content, as mixed content of `parent` (never indented).
    public func writeInlines(_ inlines: [Inline], into parent: XMLElement) {
        parent.beginMixedContent()
        for inline in ReferenceWording.resolved(inlines, labels: referenceLabels) { write(inline, into: parent) }
    }

    /// A paragraph's inline content: that of a long one streamed when the paragraph is
    /// (`XMLElement.addChildren(of:with:)`), so that a paragraph of 80,000 cross-references
    /// is never whole in the tree. Nothing may be added to `paragraph` after it.
    public func writeParagraphInlines(_ inlines: [Inline], into paragraph: XMLElement) {
        paragraph.beginMixedContent()
        paragraph.addChildren(of: ReferenceWording.resolved(inlines, labels: referenceLabels)) { [self] inline in
            write(inline, into: paragraph)
        }
    }

    private func write(_ inline: Inline, into parent: XMLElement) {
        switch inline {
        case .text(let text): writeText(text, into: parent)
        case .emphasis(let content): writeInlines(content, into: Self.element(for: .emphasis, in: parent))
        case .strong(let content): writeInlines(content, into: Self.element(for: .strong, in: parent))
        case .strikethrough(let content): writeInlines(content, into: Self.element(for: .strikethrough, in: parent))
        case .code(let text): parent.element("code", text: text)
        case .link(let link): writeLink(link, into: parent)
        case .crossReference(let reference): writeCrossReference(reference, into: parent)
        case .image(let image): writeImage(image, into: parent)
        case .lineBreak: writeLineBreak(into: parent)
        case .footnoteReference(let label): writeFootnoteReference(label, into: parent)
        }
    }

    /// A key judgment's, risk's or source's title and blocks: the title in bold opening the
    /// first paragraph, then the other blocks (see `LeadIn`).
    public func writeLeadIn(_ leadIn: LeadIn, into parent: XMLElement) {
        if !leadIn.title.isEmpty {
            let paragraph = Self.paragraph(in: parent)
            paragraph.beginMixedContent()
            let bold = Self.element(for: .strong, in: paragraph)
            Self.markLeadIn(bold)
            writeInlines(leadIn.title, into: bold)
            if let opening = leadIn.opening {
                let joint = leadIn.joint(words)
                bold.addText(joint.mark)
                if !joint.space.isEmpty { paragraph.addText(joint.space) }
                writeInlines(opening, into: paragraph)
            }
        }
        for block in leadIn.rest { writeBlock(block, into: parent) }
    }
}
