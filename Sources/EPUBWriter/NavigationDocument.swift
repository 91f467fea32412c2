import ReportModel
import SharedWriting
import XHTMLWriter
import XMLSupport

/// The navigation document (`nav.xhtml`): the table of contents at full depth and the
/// landmarks.
struct NavigationDocument {
    let report: Report
    let book: EPUBBook
    private var words: Words { book.manuscript.words }

    /// The document as polyglot XHTML, handed to `sink` entry by entry as the table of
    /// contents is built (one entry per top-level section; a large report has
    /// thousands); gives the warnings. The same bytes as `make()` serialised.
    func write(to sink: (UnsafeRawBufferPointer) -> Void) -> [String] {
        let (document, list) = frame()
        let entries = XMLDocument.Stream(into: list, adding: 0...report.sections.count) { writeEntry($0, into: list) }
        document.serialize(.polyglotHTML, streaming: [entries], to: sink)
        return document.warnings
    }

    /// The whole tree (for tests).
    func make() -> XMLDocument {
        let (document, list) = frame()
        for index in 0...report.sections.count { writeEntry(index, into: list) }
        return document
    }

    /// The document without the table of contents' entries, and the list they go in.
    private func frame() -> (XMLDocument, XMLElement) {
        let (document, body) = ContentDocument.shell(
            title: words[.contents], words: words, stylesheets: [EPUBBook.stylesheet])
        let toc = body.element("nav", ["id": "toc", "role": "doc-toc"])
        toc.setAttribute("epub:type", "toc")
        toc.element("h1", text: words[.contents])
        let list = toc.element("ol")
        if let lead = book.documents.first(where: { if case .lead = $0.part { true } else { false } }) {
            list.element("li").element("a", ["href": lead.file], text: report.metadata.title)
        }
        writeLandmarks(into: body)
        return (document, list)
    }

    /// Entry `index` of the list: a top-level section with its subsections, or, after the
    /// last, the colophon.
    private func writeEntry(_ index: Int, into list: XMLElement) {
        if index < report.sections.count {
            writeEntries([report.sections[index]], into: list)
        } else {
            list.element("li").element("a", ["href": "text/colophon.xhtml"], text: words[.colophon])
        }
    }

    private func writeEntries(_ sections: [Section], into list: XMLElement) {
        for section in sections {
            let item = list.element("li")
            let link = item.element("a", ["href": href(section.id)])
            link.addText(NavigationDocument.label(section, words: words))
            if !section.subsections.isEmpty { writeEntries(section.subsections, into: item.element("ol")) }
        }
    }

    /// "2 Risk Assessment", or the title alone when unnumbered (or "Section" when untitled).
    static func label(_ section: Section, words: Words) -> String {
        let title = section.title.plainText
        let text = [section.headingNumber(words), title.allSatisfy(\.isWhitespace) ? nil : title].compactMap { $0 }.joined(separator: " ")
        return text.isEmpty ? words[.section] : text
    }

    /// A section's link: its document, with the fragment unless the document starts with it.
    func href(_ id: String) -> String {
        guard let file = book.fileByID[id] else { return "text/colophon.xhtml" }
        return book.documentOpeners.contains(id) ? file : file + "#" + id
    }

    private func writeLandmarks(into body: XMLElement) {
        let nav = body.element("nav", ["id": "landmarks", "hidden": "hidden"])
        nav.setAttribute("epub:type", "landmarks")
        nav.element("h2", text: words[.landmarks])
        let list = nav.element("ol")
        func add(_ type: String, _ href: String, _ text: String) {
            let link = list.element("li").element("a", ["href": href], text: text)
            link.setAttribute("epub:type", type)
        }
        add("cover", "text/cover.xhtml", words[.cover])
        add("titlepage", "text/title.xhtml", words[.titlePage])
        // The contents are a landmark when they are in the reading order (`ContentsPage`).
        if ContentsPage.isWanted(for: report) { add("toc", "nav.xhtml#toc", words[.contents]) }
        if let start = book.bodyStart { add("bodymatter", start.file, words[.startOfReport]) }
    }
}
