import ReportModel
import SharedWriting
import XHTMLWriter

/// The print edition: the print XHTML with the house style embedded, typeset by the
/// paged-media engine (`PDFEngine`), whose messages about the style sheet are told at the
/// user's file and line (`PrintStyle`).
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

    public init(xhtml: XHTMLWriter, style: PrintStyle, engine: PDFEngine, baseDirectory: String, assetFolders: [String], modified: Int) {
        self.xhtml = xhtml
        self.style = style
        self.engine = engine
        self.baseDirectory = baseDirectory
        self.assetFolders = assetFolders
        self.modified = modified
    }

    public func write(_ manuscript: Manuscript, to sink: @escaping (UnsafeRawBufferPointer) -> Void) throws(DiagnosticError) -> [Diagnostic] {
        let (document, warnings) = xhtml.write(manuscript)
        let images = manuscript.imagePaths.compactMap { manuscript.images[$0] }.filter { !$0.location.isEmpty }.map { (path: $0.location, bytes: $0.bytes) }
        let rendered = try engine.render(
            xhtml: document, images: images, baseDirectory: baseDirectory, assetFolders: assetFolders, sourceDateEpoch: modified
        ).get()
        rendered.pdf.withUnsafeBytes(sink)
        return warnings + style.diagnostics(rendered.warnings, embeddedFirstLine: XHTMLWriter.embeddedStyleFirstLine)
    }
}
