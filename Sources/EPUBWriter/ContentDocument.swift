import ReportModel
import SharedWriting
import XHTMLWriter
import XMLSupport

/// One content document of the book: the XHTML edition's markup for part of the report,
/// with pop-up notes, links across documents and the handling marking as a banner at the
/// top.
struct ContentDocument {
    static let epubNamespace = "http://www.idpf.org/2007/ops"

    /// What the document holds.
    enum Part: Sendable {
        /// The cover image, by its URL from the document.
        case cover(coverImage: String)
        case titlePage
        /// These blocks of the lead (a long lead is split over several documents).
        case lead(Range<Int>)
        /// Sections, after these blocks of the lead (a short lead opens the first section's
        /// document rather than standing alone, see `EPUBBook.isShort`).
        case sections([Section], lead: Range<Int>)
        case colophon
    }

    /// Pop-up notes as EPUB 3 reading systems know them.
    static let noteMarkup = NoteMarkup(
        reference: ["epub:type": "noteref"], section: ["epub:type": "footnotes"], note: ["epub:type": "footnote"])

    let manuscript: Manuscript
    let part: Part
    /// Where the document is, and where its links and images point.
    let addressing: BookAddressing
    /// Relative URLs of the style sheets from this document.
    let stylesheets: [String]

    /// An empty e-book document: `html` with the EPUB namespace, `head` with the title and
    /// style sheets, and the `body` to fill.
    static func shell(title: String, words: Words, stylesheets: [String]) -> (XMLDocument, body: XMLElement) {
        let document = XMLDocument(rootName: "html", namespace: XHTMLWriter.namespace, doctype: "html")
        let html = document.root
        html.declareNamespace(ContentDocument.epubNamespace, prefix: "epub")
        html.setAttribute("lang", words.language)
        html.setAttribute("xml:lang", words.language)
        if words.isRightToLeft { html.setAttribute("dir", "rtl") }
        let head = html.element("head")
        head.element("meta", ["charset": "utf-8"])
        head.element("title", text: title)
        for href in stylesheets { head.element("link", ["rel": "stylesheet", "href": href]) }
        return (document, html.element("body"))
    }

    /// The document as polyglot HTML, its warnings, and whether it holds inline SVG (the
    /// EPUB manifest must say so). Its blocks and sections are serialised as they are
    /// built, each let go before the next, and its notes last, one at a time: the tree
    /// never holds a document of 150,000 notes whole, many times its text.
    func serialized(title: String) -> (bytes: [UInt8], warnings: [String], hasSVG: Bool) {
        let report = manuscript.report
        let (document, body) = ContentDocument.shell(title: title, words: manuscript.words, stylesheets: stylesheets)
        body.setAttribute("class", "report")
        let writer = XHTMLBodyWriter(manuscript, addressing: addressing, footnoteStyle: .endOfDocument(Self.noteMarkup))
        var streams: [XMLDocument.Stream] = []
        var leadBlocks: Range<Int> = 0..<0
        var sections: [Section] = []
        switch part {
        case .cover(let image):
            body.setAttribute("class", "cover")
            MarkingBanner(marking: report.metadata.marking).write(into: body)
            let section = body.element("section", ["class": "cover"])
            section.setAttribute("epub:type", "cover")
            section.element("img", ["src": URLText.escapingPath(image), "alt": manuscript.words(.coverOf, ["title": report.metadata.title])])
        case .titlePage:
            TitlePageWriter(report: report, words: manuscript.words).write(into: body, runningMarkings: false)
        case .lead(let blocks):
            MarkingBanner(marking: report.metadata.marking).write(into: body)
            leadBlocks = blocks
        case .sections(let parts, let lead):
            MarkingBanner(marking: report.metadata.marking).write(into: body)
            (leadBlocks, sections) = (lead, parts)
        case .colophon:
            MarkingBanner(marking: report.metadata.marking).write(into: body)
            ColophonWriter(metadata: report.metadata, words: manuscript.words).write(into: body)
        }
        if !leadBlocks.isEmpty {
            let lead = body.element("div", ["class": "lead"])
            streams.append(XMLDocument.Stream(into: lead, adding: report.lead[leadBlocks]) { writer.write($0, into: lead) })
        }
        // The sections, then the notes that they (and the lead) refer to, a note at a time.
        var steps: [() -> Void] = sections.map { section in { writer.write(section, into: body) } }
        steps.append {
            guard let notes = writer.pendingNotesSection(in: body) else { return }
            notes.streamChildren { writer.writeNextPendingNote(into: notes) }
        }
        streams.append(XMLDocument.Stream(into: body, adding: steps) { $0() })
        var streamedSVG = false
        for index in streams.indices {
            streams[index].inspect = { streamedSVG = streamedSVG || $0.containsElement(inNamespace: CoverImage.svgNamespace) }
        }
        var bytes: [UInt8] = []
        document.serialize(.polyglotHTML, streaming: streams, to: { bytes.append(contentsOf: $0) })
        // What was not streamed is still in the tree.
        return (bytes, document.warnings, streamedSVG || document.containsElement(inNamespace: CoverImage.svgNamespace))
    }
}

/// The handling marking as a banner: the TLP label and the classification.
struct MarkingBanner {
    let marking: Marking?

    func write(into body: XMLElement) {
        guard let marking, marking.tlp != nil || marking.classification != nil else { return }
        let banner = body.element("div", ["class": "marking-banner", "role": "note"])
        if let tlp = marking.tlp {
            banner.element("span", ["class": "tlp-label \(TitlePageWriter.tlpClass(tlp))"], text: tlp.label)
        }
        if let classification = marking.classification {
            banner.element("span", ["class": "classification"], text: classification)
        }
    }
}
