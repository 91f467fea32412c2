import ReportModel
import XMLSupport

/// `<head>`: the title and the metadata a PDF engine copies into the PDF's document
/// information (title, authors, keywords, description, dates), then the style sheets.
struct HeadWriter {
    let report: Report
    /// The summary on one line (`Report.summaryLine(labels:)`).
    let description: String?
    let options: XHTMLWriter.Options

    func write(into head: XMLElement) {
        let metadata = report.metadata
        head.element("meta", ["charset": "utf-8"])
        head.element("title", text: metadata.title)
        for author in metadata.authors { head.element("meta", ["name": "author", "content": author.name]) }
        if let description { head.element("meta", ["name": "description", "content": description]) }
        if !metadata.keywords.isEmpty {
            head.element("meta", ["name": "keywords", "content": metadata.keywords.joined(separator: ", ")])
        }
        if let date = metadata.date { head.element("meta", ["name": "dcterms.created", "content": date.description]) }
        if let updated = metadata.updated ?? metadata.date {
            head.element("meta", ["name": "dcterms.modified", "content": updated.description])
        }
        head.element("meta", ["name": "dcterms.identifier", "content": metadata.identifier])
        // The printed book's ISBN, as citation managers read it (and the PDF's metadata takes it).
        if let isbn = metadata.isbn?.print { head.element("meta", ["name": "citation_isbn", "content": isbn.description]) }
        head.element("meta", ["name": "generator", "content": options.generator])
        for stylesheet in options.stylesheets {
            switch stylesheet {
            case .embedded(let css): writeStyle(css, into: head)
            case .linked(let href): head.element("link", ["rel": "stylesheet", "href": href])
            }
        }
    }

    /// Embeds a style sheet so that XML and HTML parsers read the same CSS: the CSS sits in
    /// a CDATA section (so `>` is not escaped) whose markers are hidden in CSS comments (so
    /// an HTML parser, which reads `<style>` as raw text, skips them):
    /// `/*<![CDATA[*/ … /*]]>*/`. `XHTMLWriter.embeddable` checks the CSS first.
    /// The style sheet inside `<style>`, in CDATA between CSS comments (valid in XHTML and
    /// in HTML alike); its first line is the style text's `XHTMLWriter.embeddedStyleFirstLine`.
    private func writeStyle(_ css: String, into head: XMLElement) {
        let style = head.element("style")
        style.addText("/*")
        style.addCDATA("*/\n" + css + "\n/*")
        style.addText("*/")
    }
}
