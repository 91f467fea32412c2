import ReportModel
import SharedWriting
import XMLSupport

/// Writes a report as a DocBook 5.0 `<article>`, built as a libxml2 tree.
///
/// Nothing of the report is lost: metadata goes into `<info>`, and the report sections,
/// key judgments, risks and sources keep their meaning through `role` (DocBook has no
/// elements of its own for them). Every output is valid against the DocBook 5.0 RELAX NG
/// schema.
public struct DocBookWriter: EditionWriter {
    public static let namespace = "http://docbook.org/ns/docbook"
    public static let xlinkNamespace = "http://www.w3.org/1999/xlink"

    public init() {}

    /// The article handed to `sink` piece by piece, and any warnings from the XML layer.
    /// The lead's blocks and the sections are serialised as they are built, each freed
    /// before the next (see `XMLDocument.serialize(_:streaming:to:)`): the same bytes as
    /// `makeDocument(_:)` serialised, without ever holding the whole tree or its bytes.
    public func write(_ manuscript: Manuscript, to sink: @escaping (UnsafeRawBufferPointer) -> Void) -> [Diagnostic] {
        let (document, context) = makeFrame(manuscript)
        var body = Body(report: manuscript.report, context: context)
        document.serialize(.xml, streaming: [XMLDocument.Stream(into: document.root) { body.addNext(into: document.root) }], to: sink)
        return document.diagnostics
    }

    /// The article as a libxml2 tree (for tests and for callers that post-process it).
    public func makeDocument(_ report: Report) -> XMLDocument {
        let manuscript = Manuscript(report)
        let (document, context) = makeFrame(manuscript)
        var body = Body(report: manuscript.report, context: context)
        while body.addNext(into: document.root) {}
        return document
    }

    /// The article without its body, and the context to write the body with.
    private func makeFrame(_ manuscript: Manuscript) -> (XMLDocument, DocBookContext) {
        let report = manuscript.report
        let document = XMLDocument(rootName: "article", namespace: DocBookWriter.namespace)
        let article = document.root
        article.declareNamespace(DocBookWriter.xlinkNamespace, prefix: "xlink")
        article.setAttribute("version", "5.0")
        article.setAttribute("xml:lang", report.metadata.lang)
        if manuscript.words.isRightToLeft { article.setAttribute("dir", "rtl") }
        let context = DocBookContext(manuscript: manuscript)
        InfoWriter(metadata: report.metadata, summary: report.summary, words: manuscript.words).write(into: article)
        return (document, context)
    }

    /// The article's body, a part at a time: the lead's blocks, then the sections (a
    /// report with neither gets an empty paragraph, for DocBook wants one).
    private struct Body {
        let report: Report
        var context: DocBookContext
        private var lead: IndexingIterator<[Block]>
        private var sections: IndexingIterator<[Section]>
        private var wroteLead = false
        private var finished = false

        init(report: Report, context: DocBookContext) {
            self.report = report
            self.context = context
            lead = report.lead.makeIterator()
            sections = report.sections.makeIterator()
        }

        /// Adds the next part to `article`; false when there is none left.
        mutating func addNext(into article: XMLElement) -> Bool {
            while let block = lead.next() {
                guard let element = context.write(block, into: article) else { continue }
                element.setAttribute("role", "lead")
                wroteLead = true
                return true
            }
            if let section = sections.next() {
                context.write(section, into: article)
                return true
            }
            guard !finished else { return false }
            finished = true
            guard !wroteLead && report.sections.isEmpty else { return false }
            article.element("para")
            return true
        }
    }
}
