import ReportModel
import SharedWriting
import XHTMLWriter

/// The print edition: the print XHTML with the house style embedded, typeset by the
/// paged-media engine (`PDFEngine`), whose messages about the style sheet are told at the
/// user's file and line (`PrintStyle`); or, with Typst, the print XHTML read by the house
/// template (`TypstProject`).
public struct PDFWriter: EditionWriter {
    /// The writer of the print XHTML, the style sheet embedded.
    let xhtml: XHTMLWriter
    let style: PrintStyle
    let engine: PDFEngine
    /// The folder relative addresses are read from: the report's.
    let baseDirectory: String
    /// The desk's asset folders, which the engine may read too.
    let assetFolders: [String]
    /// The moment the PDF claims to be made (`SourceDate`).
    let modified: Int
    /// The paper's width and height in millimetres, for Typst (WeasyPrint has it from print.css).
    let paper: (width: Double, height: Double)
    /// Told, once the PDF is made, the printed number of the page each section (by its
    /// id) begins on: for an edition of the same build that shows them (the Word
    /// edition's contents). Nil when none does: the engine is not asked.
    let paginated: (@Sendable ([String: Int]) -> Void)?

    /// `xhtml` writes the print XHTML: with print.css embedded for WeasyPrint, with no style
    /// sheet and the images at their names in the project (`TypstProject.imageNames`) for Typst.
    public init(
        xhtml: XHTMLWriter, style: PrintStyle, engine: PDFEngine, baseDirectory: String, assetFolders: [String], modified: Int,
        paper: (width: Double, height: Double), paginated: (@Sendable ([String: Int]) -> Void)? = nil
    ) {
        self.paper = paper
        self.paginated = paginated
        self.xhtml = xhtml
        self.style = style
        self.engine = engine
        self.baseDirectory = baseDirectory
        self.assetFolders = assetFolders
        self.modified = modified
    }

    public func write(_ manuscript: Manuscript, to sink: @escaping (UnsafeRawBufferPointer) -> Void) throws(DiagnosticError) -> [Diagnostic] {
        if engine.usesTypst { return try typeset(manuscript, to: sink) }
        let (document, warnings) = xhtml.write(manuscript)
        let (images, unshaped) = Self.shapedImages(manuscript)
        let rendered = try engine.render(
            xhtml: document, images: images, baseDirectory: baseDirectory, assetFolders: assetFolders, sourceDateEpoch: modified,
            pages: paginated != nil
        ).get()
        rendered.pdf.withUnsafeBytes(sink)
        paginated?(rendered.pages)
        return warnings + unshaped + style.diagnostics(rendered.warnings, embeddedFirstLine: XHTMLWriter.embeddedStyleFirstLine)
    }

    /// The report's images as WeasyPrint is given them: an SVG image whose text needs
    /// shaping (Arabic, Hebrew, an Indic script: `SVGOutlines`) with that text as outlines,
    /// for WeasyPrint would set its letters reversed and unjoined. Without librsvg it goes
    /// as it is, with a warning.
    static func shapedImages(_ manuscript: Manuscript) -> (images: [(path: String, bytes: [UInt8])], warnings: [Diagnostic]) {
        var warnings: [Diagnostic] = []
        var images: [(path: String, bytes: [UInt8])] = []
        for image in manuscript.imagePaths.compactMap({ manuscript.images[$0] }) where !image.location.isEmpty {
            guard ImageFormat(path: image.path) == .svg, SVGOutlines.needsShaping(String(decoding: image.bytes, as: UTF8.self)) else {
                images.append((image.location, image.bytes))
                continue
            }
            if let outlined = SVGOutlines.outlined(image.bytes, idPrefix: "outline-") {
                images.append((image.location, outlined))
            } else {
                images.append((image.location, image.bytes))
                warnings.append(Diagnostic(
                    .warning, .pdfEngineMessage,
                    "pdf: the text of the SVG image '\(image.path)' is set letter by letter, reversed and unjoined: WeasyPrint cannot shape it, and librsvg (Debian's librsvg2-2), which would, \(SVGRaster.isAvailable ? "could not draw it (unreadable, or over 4,800 pixels a side)" : "is not installed"); or build with --pdf-engine typst",
                    at: nil))
            }
        }
        return (images, warnings)
    }

    /// The PDF by Typst: the project (house template, print XHTML, values, images) compiled
    /// in a worker's private folder.
    private func typeset(_ manuscript: Manuscript, to sink: (UnsafeRawBufferPointer) -> Void) throws(DiagnosticError) -> [Diagnostic] {
        let depth = TypstProject.nestingDepth(of: manuscript.report)
        guard depth <= TypstProject.maximumNesting else {
            throw DiagnosticError(
                error: .pdfFailed,
                "pdf: the report nests \(depth) levels deep (lists, quotes, emphasis), more than Typst sets (\(TypstProject.maximumNesting)); build the PDF with --pdf-engine weasyprint",
                at: .file(engine.file))
        }
        let project = try TypstProject(manuscript: manuscript, xhtml: xhtml, paper: paper, names: .compiled)
        let rendered = try engine.typeset(project, sourceDateEpoch: modified, pages: paginated != nil).get()
        rendered.pdf.withUnsafeBytes(sink)
        paginated?(rendered.pages)
        return project.warnings + rendered.warnings.map { Diagnostic(.warning, .pdfEngineMessage, "pdf: Typst: " + $0, at: nil) }
    }
}
