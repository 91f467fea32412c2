import ReportModel
import XMLSupport

/// Writes a report as a DocBook 5.0 `<article>`, built as a libxml2 tree.
///
/// Nothing of the report is lost: metadata goes into `<info>`, and the report sections,
/// key judgments, risks and sources keep their meaning through `role` (DocBook has no
/// elements of its own for them). Every output is valid against the DocBook 5.0 RELAX NG
/// schema.
public struct DocBookWriter {
    public static let namespace = "http://docbook.org/ns/docbook"
    public static let xlinkNamespace = "http://www.w3.org/1999/xlink"

    public init() {}

    /// The article as UTF-8 bytes, and any warnings from the XML layer.
    public func write(_ report: Report) -> (bytes: [UInt8], warnings: [String]) {
        let document = makeDocument(report)
        return (document.serialized(), document.warnings)
    }

    /// The article as a libxml2 tree (for tests and for callers that post-process it).
    public func makeDocument(_ report: Report) -> XMLDocument {
        let document = XMLDocument(rootName: "article", namespace: DocBookWriter.namespace)
        let article = document.root
        article.declareNamespace(DocBookWriter.xlinkNamespace, prefix: "xlink")
        article.setAttribute("version", "5.0")
        article.setAttribute("xml:lang", report.metadata.lang)
        var context = DocBookContext(report: report)
        InfoWriter(metadata: report.metadata, summary: report.summary).write(into: article)
        var wrote = false
        for block in report.lead {
            guard let element = context.write(block, into: article) else { continue }
            element.setAttribute("role", "lead")
            wrote = true
        }
        if !wrote && report.sections.isEmpty { article.element("para") }
        for section in report.sections {
            context.write(section, into: article)
        }
        return document
    }
}
