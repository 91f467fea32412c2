import ReportModel
import XMLSupport

/// One content document of a report split over several files, as an EPUB needs: the same
/// markup as the print edition, with pop-up notes, links across files and the handling
/// marking as a banner at the top.
public struct ContentDocument {
    public static let epubNamespace = "http://www.idpf.org/2007/ops"

    /// What the document holds.
    public enum Part: Sendable {
        /// The cover image, by its URL from the document.
        case cover(coverImage: String)
        case titlePage
        /// These blocks of the lead (a long lead is split over several documents).
        case lead(Range<Int>)
        case sections([Section])
        case colophon
    }

    public let report: Report
    public let part: Part
    /// The document's own file name, and where each id of the report is.
    public let file: String
    public let fileByID: [String: String]
    /// Relative URLs of the style sheets and of the report's images from this document.
    public let stylesheets: [String]
    public let resourcePrefix: String
    /// The URL of each image path written in the report, when images are renamed.
    public let resourceNames: [String: String]
    /// The whole report's index, shared by all its documents.
    public let index: ReportIndex

    public init(
        report: Report, index: ReportIndex, part: Part, file: String, fileByID: [String: String], stylesheets: [String],
        resourcePrefix: String, resourceNames: [String: String] = [:]
    ) {
        self.index = index
        self.resourceNames = resourceNames
        self.report = report
        self.part = part
        self.file = file
        self.fileByID = fileByID
        self.stylesheets = stylesheets
        self.resourcePrefix = resourcePrefix
    }

    /// An empty e-book document: `html` with the EPUB namespace, `head` with the title and
    /// style sheets, and the `body` to fill.
    public static func shell(title: String, lang: String, stylesheets: [String]) -> (XMLDocument, body: XMLElement) {
        let document = XMLDocument(rootName: "html", namespace: XHTMLWriter.namespace, doctype: "html")
        let html = document.root
        html.declareNamespace(ContentDocument.epubNamespace, prefix: "epub")
        html.setAttribute("lang", lang)
        html.setAttribute("xml:lang", lang)
        let head = html.element("head")
        head.element("meta", ["charset": "utf-8"])
        head.element("title", text: title)
        for href in stylesheets { head.element("link", ["rel": "stylesheet", "href": href]) }
        return (document, html.element("body"))
    }

    /// The document, and whether it holds inline SVG (the EPUB manifest must say so).
    public func make(title: String) -> (document: XMLDocument, hasSVG: Bool) {
        let (document, body) = ContentDocument.shell(title: title, lang: report.metadata.lang, stylesheets: stylesheets)
        body.setAttribute("class", "report")
        var context = XHTMLContext(
            report: report, index: index, resourcePrefix: resourcePrefix, footnoteStyle: .popup, fileByID: fileByID)
        context.currentFile = file
        context.resourceNames = resourceNames
        switch part {
        case .cover(let image):
            body.setAttribute("class", "cover")
            MarkingBanner(marking: report.metadata.marking).write(into: body)
            let section = body.element("section", ["class": "cover"])
            section.setAttribute("epub:type", "cover")
            section.element("img", ["src": URLText.escapingPath(image), "alt": "Cover: \(report.metadata.title)"])
        case .titlePage:
            TitlePageWriter(report: report).write(into: body, runningMarkings: false)
        case .lead(let blocks):
            MarkingBanner(marking: report.metadata.marking).write(into: body)
            let lead = body.element("div", ["class": "lead"])
            for block in report.lead[blocks] { context.write(block, into: lead) }
        case .sections(let sections):
            MarkingBanner(marking: report.metadata.marking).write(into: body)
            for section in sections { context.write(section, into: body) }
        case .colophon:
            MarkingBanner(marking: report.metadata.marking).write(into: body)
            ColophonWriter(metadata: report.metadata).write(into: body)
        }
        context.writePendingNotes(into: body)
        return (document, document.containsElement(inNamespace: RiskMatrix.svgNamespace))
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
