import ReportModel
import XMLSupport

/// The NCX (`toc.ncx`), the EPUB 2 table of contents that older readers still use.
struct NCXDocument {
    let report: Report
    let book: EPUBBook

    /// The NCX, handed to `sink` point by point as the map is built (one top-level point
    /// per top-level section); gives the warnings. The same bytes as `make()` serialised.
    func write(to sink: (UnsafeRawBufferPointer) -> Void) -> [String] {
        var (document, map, points) = frame()
        let entries = XMLDocument.Stream(into: map, adding: 0...report.sections.count) { addEntry($0, into: map, points: &points) }
        document.serialize(.xml, streaming: [entries], to: sink)
        return document.warnings
    }

    /// The whole tree (for tests).
    func make() -> XMLDocument {
        var (document, map, points) = frame()
        for index in 0...report.sections.count { addEntry(index, into: map, points: &points) }
        return document
    }

    /// Adds navigation points numbered in play order.
    private struct Points {
        var order = 0

        mutating func add(_ label: String, _ href: String, into parent: XMLElement) -> XMLElement {
            order += 1
            let element = parent.element("navPoint", ["id": "nav-\(order)", "playOrder": String(order)])
            element.element("navLabel").element("text", text: label)
            element.element("content", ["src": href])
            return element
        }
    }

    /// The NCX without its sections' points, the map they go in, and the points so far.
    private func frame() -> (XMLDocument, XMLElement, Points) {
        let document = XMLDocument(rootName: "ncx", namespace: "http://www.daisy.org/z3986/2005/ncx/")
        let ncx = document.root
        ncx.setAttribute("version", "2005-1")
        ncx.setAttribute("xml:lang", report.metadata.lang)
        let head = ncx.element("head")
        head.element("meta", ["name": "dtb:uid", "content": book.uuidURN])
        head.element("meta", ["name": "dtb:depth", "content": String(max(1, depth(report.sections)))])
        head.element("meta", ["name": "dtb:totalPageCount", "content": "0"])
        head.element("meta", ["name": "dtb:maxPageNumber", "content": "0"])
        ncx.element("docTitle").element("text", text: report.metadata.title)
        let map = ncx.element("navMap")
        var points = Points()
        _ = points.add(book.manuscript.words[.titlePage], "text/title.xhtml", into: map)
        if book.documents.contains(where: { $0.file == "text/lead.xhtml" }) {
            _ = points.add(report.metadata.title, "text/lead.xhtml", into: map)
        }
        return (document, map, points)
    }

    /// Point `index` of the map: a top-level section with its subsections, or, after the
    /// last, the colophon.
    private func addEntry(_ index: Int, into map: XMLElement, points: inout Points) {
        let navigation = NavigationDocument(report: report, book: book)
        func add(_ section: Section, into parent: XMLElement) {
            let element = points.add(NavigationDocument.label(section, words: book.manuscript.words), navigation.href(section.id), into: parent)
            for subsection in section.subsections { add(subsection, into: element) }
        }
        if index < report.sections.count {
            add(report.sections[index], into: map)
        } else {
            _ = points.add(book.manuscript.words[.colophon], "text/colophon.xhtml", into: map)
        }
    }

    private func depth(_ sections: [Section]) -> Int {
        sections.map { 1 + depth($0.subsections) }.max() ?? 0
    }
}
