import ReportModel
import ZIPSupport
import SharedWriting
import XHTMLWriter
import XMLSupport

/// Writes a report as an EPUB 3 e-book: the XHTML writer's markup split into content
/// documents, a navigation document and an NCX, a cover, the package document with the
/// report's metadata and EPUB Accessibility metadata, all zipped in a fixed order with fixed
/// timestamps, so that the same input always gives the same bytes.
public struct EPUBWriter: EditionWriter {
    public struct Options: Sendable {
        /// 1: one content document per top-level section; 2: also one per subsection; …
        public var splitDepth: Int
        /// The e-book style sheet (`Styles/epub.css`), then any of the user's.
        public var stylesheet: String
        /// Seconds since 1970 for `dcterms:modified` and the ZIP timestamps.
        public var modified: Int
        public var generator: String
        /// The paths of the desk's style sheets in `stylesheet`, which the accessibility
        /// claim cannot answer for (`AccessibilityClaim`).
        public var deskStyleSheets: [String]

        /// One content document per top-level section.
        public static let defaultSplitDepth = 1

        public init(
            splitDepth: Int = defaultSplitDepth, stylesheet: String, modified: Int, generator: String = "Imprint", deskStyleSheets: [String] = []
        ) {
            self.splitDepth = splitDepth
            self.stylesheet = stylesheet
            self.modified = modified
            self.generator = generator
            self.deskStyleSheets = deskStyleSheets
        }
    }

    public let options: Options

    public init(options: Options) {
        self.options = options
    }

    /// Writes the EPUB into `sink`, front to back, as its files are made, with the
    /// manuscript's image files; gives the warnings.
    ///
    /// On an error part of the book may have gone into `sink`: the caller drops it.
    public func write(_ manuscript: Manuscript, to sink: @escaping (UnsafeRawBufferPointer) -> Void) throws(DiagnosticError) -> [Diagnostic] {
        let report = manuscript.report
        let book = try EPUBBook(manuscript, splitDepth: options.splitDepth, deskStyleSheets: options.deskStyleSheets)
        // The OCF container: a ZIP whose first entry is `mimetype`, stored.
        let container = try ZIPArchive(named: "the EPUB container", modified: options.modified, to: sink)
        try container.add(ZIPArchive.Entry("mimetype", Array("application/epub+zip".utf8), compressed: false))
        var warnings = book.coverWarnings
        func add(_ path: String, _ document: XMLDocument, html: Bool = false) throws(DiagnosticError) {
            try container.add(ZIPArchive.Entry(path, html ? document.serializedAsPolyglotHTML() : document.serialized()))
            warnings += document.warnings
        }
        try add("META-INF/container.xml", ContainerDocument.make())
        try container.add(ZIPArchive.Entry(EPUBBook.root + EPUBBook.stylesheet, Array(options.stylesheet.utf8)))
        let content = try ContentEntries(report: report, book: book, into: container)
        warnings += content.warnings
        // The tables of contents and the package have an entry per section: they go into
        // the container as they are built.
        try container.add(EPUBBook.root + "nav.xhtml") { sink in
            warnings += NavigationDocument(report: report, book: book).write(to: sink)
        }
        try container.add(EPUBBook.root + "toc.ncx") { sink in
            warnings += NCXDocument(report: report, book: book).write(to: sink)
        }
        for media in book.media { try container.add(ZIPArchive.Entry(EPUBBook.root + media.file, media.bytes)) }
        // Last (OCF fixes only `mimetype`'s place): the manifest says which content
        // documents hold SVG, known once they are made.
        try container.add(EPUBBook.root + "package.opf") { sink in
            warnings += PackageDocument(report: report, book: book, options: options, svgDocuments: content.svgDocuments)
                .write(to: sink)
        }
        try container.close()
        return XMLDocument.diagnostics(warnings) + [book.coverWithoutRaster, Self.claimLeftOut(book.accessibility)].compactMap { $0 }
    }

    /// Why the e-book states no accessibility conformance, when it was asked to and cannot.
    static func claimLeftOut(_ claim: AccessibilityClaim) -> Diagnostic? {
        guard claim.isAsked, !claim.obstacles.isEmpty else { return nil }
        return Diagnostic(
            .warning, .accessibilityUnmet,
            "the e-book states no conformance to \(AccessibilityClaim.conformance): " + claim.obstacles.joined(separator: "; ")
                + ". Fix these, or set accessibility: {conformance: none} to leave the claim out without this warning",
            at: nil)
    }
}
