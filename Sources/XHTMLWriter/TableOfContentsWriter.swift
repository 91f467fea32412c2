import ReportModel
import XMLSupport

/// The table of contents: the sections of the first two levels, each a link the print style
/// sheet follows with a dotted leader and the page number (`target-counter`).
struct TableOfContentsWriter {
    let sections: [Section]
    static let depth = 2

    func write(into body: XMLElement) {
        guard !sections.isEmpty else { return }
        let nav = body.element("nav", ["class": "toc", "aria-labelledby": "toc-title"])
        nav.element("h2", ["id": "toc-title", "class": "toc-title"], text: "Contents")
        writeList(sections, depth: 1, into: nav)
    }

    private func writeList(_ sections: [Section], depth: Int, into parent: XMLElement) {
        let list = parent.element("ol")
        for section in sections {
            let item = list.element("li", ["class": "toc-level-\(depth)"])
            let link = item.element("a", ["href": "#" + section.id])
            link.beginMixedContent()
            // Unnumbered sections get an empty number, so that every title lines up.
            link.element("span", ["class": "number"], text: section.number ?? "")
            link.addText(" ")
            link.addText(section.title.plainText)
            if depth < TableOfContentsWriter.depth, !section.subsections.isEmpty {
                writeList(section.subsections, depth: depth + 1, into: item)
            }
        }
    }
}
