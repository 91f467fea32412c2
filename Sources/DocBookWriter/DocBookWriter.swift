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

    /// What the writer needs to know of the whole report, when the caller has it (see
    /// `ReportIndex`); made from the report written otherwise.
    public var index: ReportIndex?

    public init(index: ReportIndex? = nil) {
        self.index = index
    }

    /// The article as UTF-8 bytes, and any warnings from the XML layer.
    public func write(_ report: Report) -> (bytes: [UInt8], warnings: [String]) {
        var bytes: [UInt8] = []
        let warnings = write(report) { bytes.append(contentsOf: $0) }
        return (bytes, warnings)
    }

    /// The article handed to `sink` piece by piece, and any warnings from the XML layer.
    /// Sections are serialised as they are built, each freed before the next (see
    /// `XMLDocument.serialize(_:streamingInto:to:addNext:)`): the same bytes as
    /// `makeDocument(_:)` serialised, without ever holding the whole tree or its bytes.
    public func write(_ report: Report, to sink: (UnsafeRawBufferPointer) -> Void) -> [String] {
        var (document, context) = makeFrame(report)
        var sections = report.sections.makeIterator()
        document.serialize(.xml, streamingInto: document.root, to: sink) {
            guard let section = sections.next() else { return false }
            context.write(section, into: document.root)
            return true
        }
        return document.warnings
    }

    /// The article as a libxml2 tree (for tests and for callers that post-process it).
    public func makeDocument(_ report: Report) -> XMLDocument {
        var (document, context) = makeFrame(report)
        for section in report.sections {
            context.write(section, into: document.root)
        }
        return document
    }

    /// The article without its sections, and the context to write them with.
    private func makeFrame(_ report: Report) -> (XMLDocument, DocBookContext) {
        let document = XMLDocument(rootName: "article", namespace: DocBookWriter.namespace)
        let article = document.root
        article.declareNamespace(DocBookWriter.xlinkNamespace, prefix: "xlink")
        article.setAttribute("version", "5.0")
        article.setAttribute("xml:lang", report.metadata.lang)
        var context = DocBookContext(report: report, index: index ?? ReportIndex(report))
        InfoWriter(metadata: report.metadata, summary: report.summary).write(into: article)
        var wrote = false
        for block in report.lead {
            guard let element = context.write(block, into: article) else { continue }
            element.setAttribute("role", "lead")
            wrote = true
        }
        if !wrote && report.sections.isEmpty { article.element("para") }
        return (document, context)
    }
}
