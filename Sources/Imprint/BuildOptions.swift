import Foundation
import ReportModel
import ReportReaders

/// What `imprint build` is asked to do.
public struct BuildOptions: Sendable {
    public var input: String
    public var formats: [OutputFormat]
    public var outputDirectory: String
    /// The output folder the user named, when `outputDirectory` is a folder inside it (a
    /// folder build's `out/asia`); nil when they are the same.
    public var outputRoot: String?
    /// Warnings count as errors.
    public var strict: Bool
    /// The print edition's page size.
    public var paper: Paper
    /// Style sheets of the user's, applied after Imprint's own.
    public var userStylesheets: [String]
    /// A Word document whose styles the Word edition takes (`--reference-doc`).
    public var referenceDoc: String?
    /// The paged-media engine for the PDF: a command name or path; `weasyprint` by default.
    public var pdfEngine: String
    /// The most seconds one PDF may take.
    public var pdfTimeout: Int
    /// The PDF's standard: one of `PDFEngine.standards`.
    public var pdfStandard: String
    /// How deep the e-book is split into documents: 1, one per top-level section.
    public var epubSplitDepth: Int
    /// The text editions' width in columns.
    public var textWidth: Int
    /// The text editions' typographic punctuation spelled in ASCII.
    public var ascii: Bool
    /// Build even when the last build's outputs are still current.
    public var force: Bool
    /// The file name of the one edition asked for (`-o brief.pdf`), in `outputDirectory`;
    /// nil for the usual names, the report's own with each edition's extension.
    public var outputName: String?

    /// The folder images are resolved in when the report comes from standard input
    /// (`input` is `-`); the current folder when nil.
    public var resourcePath: String?

    /// Front-matter values from the command line (`-M key=value`), over the report's own.
    public var metadataOverrides: [String]

    /// The desk configuration file to read (`--config`); nil: the `imprint.yml` files in
    /// the report's folder and above (`DeskConfiguration.paths`).
    public var configurationFile: String?

    /// The configuration files for the report, the farthest first.
    var configurationPaths: [String] {
        configurationFile.map { [$0] } ?? DeskConfiguration.paths(for: referencePath)
    }

    /// The desk's configuration for the report (its `warnings` name the files ignored).
    func deskConfiguration() throws(DiagnosticError) -> DeskConfiguration {
        try DeskConfiguration.load(for: referencePath, config: configurationFile)
    }

    /// The front-matter values given from outside the report: the desk's configuration
    /// and the command line's overrides.
    func metadataSettings(_ desk: DeskConfiguration) -> MetadataSettings {
        desk.metadataSettings(overrides: metadataOverrides)
    }

    /// Whether `name` (a file or folder of this build's, from `outputDirectory`; empty for
    /// the folder itself) stays inside the output folder the user named, links resolved:
    /// an output folder may come with links in it (a downloaded `out/`), and nothing is
    /// written, read or recovered through one that leads out.
    func staysInOutput(_ name: String) -> Bool {
        let root = outputRoot ?? outputDirectory
        let below = outputDirectory.dropFirst(root.count).drop { $0 == "/" }
        let relative = [String(below), name].filter { !$0.isEmpty }.joined(separator: "/")
        return relative.isEmpty || FolderRule.confine(relative, to: root) != nil
    }

    /// The report comes from standard input.
    var readsStandardInput: Bool { input == "-" }

    /// The report as diagnostics name it.
    var displayName: String { readsStandardInput ? "<stdin>" : input }

    /// A path whose folder is where the report's images are: the report's own, or for
    /// standard input the resource path.
    var referencePath: String { readsStandardInput ? (resourcePath ?? ".") + "/-" : input }

    /// What the editions' files are named after: `brief` for `brief.pdf` or for a report
    /// `brief.md` (`stdin` for standard input).
    var outputBase: String {
        guard let outputName else { return readsStandardInput ? "stdin" : Pipeline.baseName(of: input) }
        return Pipeline.baseName(of: outputName.hasSuffix(".brief.txt") ? String(outputName.dropLast(4)) : outputName)
    }

    /// The file an edition is written to, in `outputDirectory`.
    func fileName(of format: OutputFormat) -> String {
        outputName ?? format.fileName(base: outputBase)
    }

    public init(
        input: String, formats: [OutputFormat] = [.docbook], outputDirectory: String = "out", strict: Bool = false,
        paper: Paper = .a4, userStylesheets: [String] = [], pdfEngine: String = PDFEngine.defaultCommand,
        epubSplitDepth: Int = 1, textWidth: Int = 72, ascii: Bool = false, force: Bool = false,
        pdfTimeout: Int = PDFEngine.defaultTimeout, pdfStandard: String = PDFEngine.defaultStandard, outputName: String? = nil,
        resourcePath: String? = nil, metadataOverrides: [String] = [], configurationFile: String? = nil,
        referenceDoc: String? = nil
    ) {
        self.referenceDoc = referenceDoc
        self.metadataOverrides = metadataOverrides
        self.configurationFile = configurationFile
        self.pdfStandard = pdfStandard
        self.resourcePath = resourcePath
        self.pdfTimeout = pdfTimeout
        self.outputName = outputName
        self.force = force
        self.epubSplitDepth = epubSplitDepth
        self.textWidth = textWidth
        self.ascii = ascii
        self.input = input
        self.formats = formats
        self.outputDirectory = outputDirectory
        self.strict = strict
        self.paper = paper
        self.userStylesheets = userStylesheets
        self.pdfEngine = pdfEngine
    }
}

/// How a build or check ended.
public struct BuildOutcome: Sendable {
    /// Every diagnostic, warnings and errors, in the order found.
    public var diagnostics: [Diagnostic]
    /// The files written, in the order of the formats asked for.
    public var written: [String]
    /// Nothing was built: the last build's outputs are current.
    public var upToDate = false
    /// The files of the editions as they now stand: those written, or when up to date, the
    /// last build's.
    public var files: [String]

    public init(diagnostics: [Diagnostic], written: [String], upToDate: Bool = false, files: [String]? = nil) {
        self.diagnostics = diagnostics
        self.written = written
        self.upToDate = upToDate
        self.files = files ?? written
    }

    public var succeeded: Bool { !diagnostics.contains { $0.severity == .error } }
}
