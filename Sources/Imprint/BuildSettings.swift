import DOCXWriter
import EPUBWriter
import PDFWriter
import TextWriter

/// The settings that shape a report's editions, resolved (`BuildPlan.resolve`): each from
/// the command line, else the report's nearest desk configuration, else `defaults`. Encoded
/// whole into the build's stamp, so that a setting added here rebuilds what it changes.
public struct BuildSettings: Sendable, Equatable, Codable {
    public var formats: [OutputFormat]
    /// Warnings count as errors.
    public var strict: Bool
    /// The print and Word editions' page size.
    public var paper: Paper
    /// Style sheets of the user's, applied after Imprint's own.
    public var stylesheets: [String]
    /// A Word document whose styles the Word edition takes (`--reference-doc`).
    public var referenceDoc: String?
    /// The paged-media engine for the PDF: a command name or path, or Imprint's worker.
    public var pdfEngine: String
    /// The most seconds one PDF may take.
    public var pdfTimeout: Int
    public var pdfStandard: PDFStandard
    /// How deep the e-book is split into documents: 1, one per top-level section.
    public var epubSplitDepth: Int
    /// The text editions' width in columns.
    public var textWidth: Int
    /// The text editions' typographic punctuation spelled in ASCII.
    public var ascii: Bool
    /// Front-matter values from the command line (`-M key=value`), over the report's own.
    public var metadataOverrides: [String]

    /// Every default, declared once: the writers' own where a writer has one.
    public static let defaults = BuildSettings(
        formats: OutputFormat.published, strict: false, paper: .a4, stylesheets: [], referenceDoc: nil,
        pdfEngine: PDFEngine.defaultCommand, pdfTimeout: PDFEngine.defaultTimeout, pdfStandard: .ua1,
        epubSplitDepth: EPUBWriter.Options.defaultSplitDepth, textWidth: TextWriter.Options().width, ascii: false, metadataOverrides: [])

    /// The print engines Imprint runs itself, the default first: the names `--pdf-engine`
    /// and a desk's `pdf-engine:` choose between (the command line may also name a command).
    public static let pdfEngines = [PDFEngine.defaultCommand, PDFEngine.typstCommand]

    /// The widths the text editions may have.
    public static let widths = TextWriter.Options.widths
    /// The depths the e-book may be split to.
    public static let splitDepths = 1...6
    /// The PDF standards' names, for help and completion.
    public static var pdfStandards: [String] { PDFStandard.names }
}
