import ReportModel
import ReportReaders

/// What `imprint build` is asked to do.
public struct BuildOptions: Sendable {
    public var input: String
    public var formats: [OutputFormat]
    public var outputDirectory: String
    /// Warnings count as errors.
    public var strict: Bool
    /// The print edition's page size.
    public var paper: Paper
    /// Style sheets of the user's, applied after Imprint's own.
    public var userStylesheets: [String]
    /// The paged-media engine for the PDF: a command name or path; `weasyprint` by default.
    public var pdfEngine: String
    /// How deep the e-book is split into documents: 1, one per top-level section.
    public var epubSplitDepth: Int
    /// The text editions' width in columns.
    public var textWidth: Int
    /// The text editions' typographic punctuation spelled in ASCII.
    public var ascii: Bool

    public init(
        input: String, formats: [OutputFormat] = [.docbook], outputDirectory: String = "out", strict: Bool = false,
        paper: Paper = .a4, userStylesheets: [String] = [], pdfEngine: String = PDFEngine.defaultCommand,
        epubSplitDepth: Int = 1, textWidth: Int = 72, ascii: Bool = false
    ) {
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

    public var succeeded: Bool { !diagnostics.contains { $0.severity == .error } }
}

/// The pipeline: read, check, render every edition in memory, then write them all at once.
public enum Pipeline {
    /// Reads and checks a report; with `strict`, warnings become errors.
    public static func check(_ input: String, strict: Bool) -> (Report?, [Diagnostic]) {
        do {
            let result = try ReportLoader.load(input)
            let diagnostics = strict ? result.warnings.map(\.asError) : result.warnings
            return (diagnostics.contains { $0.severity == .error } ? nil : result.report, diagnostics)
        } catch {
            return (nil, strict ? error.diagnostics.map(\.asError) : error.diagnostics)
        }
    }

    /// Builds the editions asked for. Nothing is written unless every edition rendered
    /// without error.
    public static func build(_ options: BuildOptions, progress: @escaping (String) -> Void = { _ in }) -> BuildOutcome {
        var (report, diagnostics) = check(options.input, strict: options.strict)
        guard let report else { return BuildOutcome(diagnostics: diagnostics, written: []) }
        let base = baseName(of: options.input)
        var files: [(path: String, bytes: [UInt8])] = []
        let renderer = Renderer(report: report, options: options, progress: progress)
        for format in options.formats {
            switch renderer.render(format).flatMap({ output in renderer.companions(of: format).map { (output, $0) } }) {
            case .success(let (output, companions)):
                let severity: Diagnostic.Severity = options.strict ? .error : .warning
                diagnostics += output.warnings.map {
                    Diagnostic(severity, "\(format.rawValue): \($0)", at: SourceLocation(file: options.input, line: 1, column: 1))
                }
                files.append((options.outputDirectory + "/" + format.fileName(base: base), output.bytes))
                files += companions.map { (options.outputDirectory + "/" + $0.name, $0.bytes) }
            case .failure(let failure):
                diagnostics.append(failure.diagnostic)
            }
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            return BuildOutcome(diagnostics: diagnostics, written: [])
        }
        do {
            try AtomicFile.createDirectory(options.outputDirectory)
            try AtomicFile.writeAll(files)
        } catch {
            diagnostics.append(Diagnostic(.error, error.description, at: nil))
            return BuildOutcome(diagnostics: diagnostics, written: [])
        }
        return BuildOutcome(diagnostics: diagnostics, written: files.map(\.path))
    }

    /// `reports/brief.md` → `brief`.
    static func baseName(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}

extension Diagnostic {
    var asError: Diagnostic {
        var copy = self
        copy.severity = .error
        return copy
    }
}
