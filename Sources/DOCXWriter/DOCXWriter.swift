import ReportModel
import SharedWriting
import XMLSupport
import ZIPSupport

/// The Word edition: a WordprocessingML package (ECMA-376, as Word 2016 and later and
/// LibreOffice read it), its parts built as libxml2 trees and packed by the e-book's ZIP
/// writer with one fixed date, so that the same report gives the same bytes.
public struct DOCXWriter: EditionWriter {
    public struct Options: Sendable {
        /// The date of the package's entries and of the document's `modified` property,
        /// in seconds since 1970 (`SOURCE_DATE_EPOCH`).
        public var modified: Int
        public var page: PageLayout
        /// The styles part of a desk's Word template, whose styles replace Imprint's of the
        /// same id (and whose document defaults replace Imprint's), and the template's path,
        /// which its diagnostics name.
        public var referenceStyles: (bytes: [UInt8], template: String)?
        /// The printed page each section (by its id) begins on, when the print edition is
        /// made in the same build: the contents show them before Word updates the field.
        public var contentsPages: [String: Int]

        public init(
            modified: Int = 0, page: PageLayout = .a4, referenceStyles: (bytes: [UInt8], template: String)? = nil,
            contentsPages: [String: Int] = [:]
        ) {
            self.modified = modified
            self.page = page
            self.referenceStyles = referenceStyles
            self.contentsPages = contentsPages
        }
    }

    public let options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Writes the package into `sink`, with the manuscript's image files. On an error
    /// part of the package may have gone into `sink`: the caller drops it.
    public func write(_ manuscript: Manuscript, to sink: @escaping (UnsafeRawBufferPointer) -> Void) throws(DiagnosticError) -> [Diagnostic] {
        let context = WordContext(manuscript: manuscript, layout: options.page, contentsPages: options.contentsPages)
        let report = manuscript.report
        let archive = try ZIPArchive(named: "the Word document", modified: options.modified, to: sink)
        var warnings: [String] = []
        func add(_ path: String, _ document: XMLDocument) throws(DiagnosticError) {
            try archive.add(ZIPArchive.Entry(path, document.serialized(indent: false)))
            warnings += document.warnings
        }
        try add("[Content_Types].xml", PackageParts.contentTypes())
        try add("_rels/.rels", PackageParts.packageRelationships())
        let document = mainDocument(context)
        try archive.add("word/document.xml") { write in
            document.document.serialize(.xml, streaming: [document.stream], to: write)
        }
        warnings += document.document.warnings
        let footnotes = PackageParts.footnotes(context)
        var footnoteBytes: [UInt8] = []
        footnotes.document.serialize(.xml, indent: false, streaming: [footnotes.stream]) { footnoteBytes.append(contentsOf: $0) }
        try archive.add(ZIPArchive.Entry("word/footnotes.xml", footnoteBytes))
        warnings += footnotes.document.warnings
        try add("word/styles.xml", try StylesPart.document(language: report.metadata.lang, reference: options.referenceStyles))
        try add("word/numbering.xml", NumberingPart.document(context.numberings))
        try add("word/settings.xml", PackageParts.settings(language: report.metadata.lang, updatesFields: ContentsPage.isWanted(for: report)))
        try add("word/header1.xml", PackageParts.header(context))
        try add("word/footer1.xml", PackageParts.footer(context))
        try add("word/header2.xml", PackageParts.header(context, landscape: true))
        try add("word/footer2.xml", PackageParts.footer(context, landscape: true))
        try add("word/header3.xml", PackageParts.header(context, runningHead: false))
        try add("word/_rels/document.xml.rels", PackageParts.documentRelationships(context.relationships))
        for (path, bytes) in context.media { try archive.add(ZIPArchive.Entry(path, bytes)) }
        try add("docProps/core.xml", PackageParts.coreProperties(report.metadata, summary: report.summary?.blocks.plainText, modified: options.modified))
        try add("docProps/app.xml", PackageParts.appProperties())
        try add("docProps/custom.xml", PackageParts.customProperties(report.metadata))
        try archive.close()
        return XMLDocument.diagnostics(warnings) + context.warnings
    }

    /// `word/document.xml`: the title page, then, streamed a few paragraphs at a time, the
    /// contents, the text before the first section, the sections (a heading, a block or a
    /// list item at a time, `WordBody.steps`), and the page's setup.
    private func mainDocument(_ context: WordContext) -> (document: XMLDocument, stream: XMLDocument.Stream) {
        let document = WordML.part("document")
        let body = document.root.element("w:body")
        let writer = WordBody(context: context)
        writer.writeTitlePage(into: body)
        var steps = ContentsPage.isWanted(for: context.report) ? writer.contentsSteps(into: body) : []
        steps += writer.steps(for: context.report.lead[...], into: body)
        for section in context.report.sections { steps += writer.steps(for: section, into: body) }
        steps.append { writer.finish(into: body) }
        return (document, XMLDocument.Stream(into: body, adding: steps) { $0() })
    }
}
