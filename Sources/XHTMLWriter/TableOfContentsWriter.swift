import ReportModel
import SharedWriting
import XMLSupport

/// The table of contents: the sections of the first two levels, each a link the print style
/// sheet follows with a dotted leader and the page number (`target-counter`).
struct TableOfContentsWriter {
    static let depth = 2

    /// The contents' heading and its empty list, for the top-level sections' entries
    /// (`writeEntry`); nil for a report without sections, which has no contents.
    ///
    /// A large report has tens of thousands of entries, each a handful of libxml2 nodes:
    /// the writer streams them into the list rather than build them all first (they were
    /// the largest part of the XHTML edition's memory).
    static func writeList(for sections: [Section], heading: String, into body: XMLElement) -> XMLElement? {
        guard !sections.isEmpty else { return nil }
        let nav = body.element("nav", ["class": "toc", "aria-labelledby": "toc-title"])
        nav.element("h2", ["id": "toc-title", "class": "toc-title"], text: heading)
        return nav.element("ol")
    }

    /// The entry of a section and, down to `depth`, its subsections'.
    static func writeEntry(_ section: Section, depth: Int = 1, words: Words, into list: XMLElement) {
        let item = list.element("li", ["class": "toc-level-\(depth)"])
        let link = item.element("a", ["href": "#" + section.id])
        link.beginMixedContent()
        // Unnumbered sections get an empty number, so that every title lines up.
        link.element("span", ["class": "number"], text: section.headingNumber(words) ?? "")
        link.addText(" ")
        link.addText(section.title.plainText)
        if depth < TableOfContentsWriter.depth, !section.subsections.isEmpty {
            let sublist = item.element("ol")
            for subsection in section.subsections { writeEntry(subsection, depth: depth + 1, words: words, into: sublist) }
        }
    }
}
