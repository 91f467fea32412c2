import ReportModel
import XMLSupport

/// The NCX (`toc.ncx`), the EPUB 2 table of contents that older readers still use.
struct NCXDocument {
    let report: Report
    let book: EPUBBook
    let uuidURN: String

    func make() -> XMLDocument {
        let document = XMLDocument(rootName: "ncx", namespace: "http://www.daisy.org/z3986/2005/ncx/")
        let ncx = document.root
        ncx.setAttribute("version", "2005-1")
        ncx.setAttribute("xml:lang", report.metadata.lang)
        let head = ncx.element("head")
        head.element("meta", ["name": "dtb:uid", "content": uuidURN])
        head.element("meta", ["name": "dtb:depth", "content": String(max(1, depth(report.sections)))])
        head.element("meta", ["name": "dtb:totalPageCount", "content": "0"])
        head.element("meta", ["name": "dtb:maxPageNumber", "content": "0"])
        ncx.element("docTitle").element("text", text: report.metadata.title)
        let map = ncx.element("navMap")
        var order = 0
        func point(_ label: String, _ href: String, into parent: XMLElement) -> XMLElement {
            order += 1
            let element = parent.element("navPoint", ["id": "nav-\(order)", "playOrder": String(order)])
            element.element("navLabel").element("text", text: label)
            element.element("content", ["src": href])
            return element
        }
        let navigation = NavigationDocument(report: report, book: book)
        _ = point("Title page", "text/title.xhtml", into: map)
        if book.documents.contains(where: { $0.file == "text/lead.xhtml" }) {
            _ = point(report.metadata.title, "text/lead.xhtml", into: map)
        }
        func add(_ sections: [Section], into parent: XMLElement) {
            for section in sections {
                let element = point(NavigationDocument.label(section), navigation.href(section.id), into: parent)
                add(section.subsections, into: element)
            }
        }
        add(report.sections, into: map)
        _ = point("Colophon", "text/colophon.xhtml", into: map)
        return document
    }

    private func depth(_ sections: [Section]) -> Int {
        sections.map { 1 + depth($0.subsections) }.max() ?? 0
    }
}
