import Foundation
import ReportModel
import SystemSupport

/// The paged-media engine that turns the print XHTML into a PDF: by default WeasyPrint as a
/// worker Imprint controls (`PDFWorker`: it reads only files inside the report's folder, and
/// has a time limit); or, with `--pdf-engine COMMAND`, any command with WeasyPrint's command
/// line, which runs outside that sandbox.
public struct PDFEngine: Sendable {
    public static let defaultCommand = "weasyprint"
    /// The name that chooses the Typst path (`--pdf-engine typst`).
    public static let typstCommand = "typst"
    /// The WeasyPrint version Imprint is tested with (and `Scripts/bootstrap` installs).
    public static let testedWeasyPrint = "70.0"
    /// The version of PyPI's `typst` package the Typst path is tested with (and
    /// `Scripts/bootstrap` installs).
    public static let testedTypst = "0.15.0"
    /// The most seconds one PDF may take unless the build says otherwise.
    public static let defaultTimeout = 120

    /// A PDF, and what the engine warned of while making it (WeasyPrint's own words, such
    /// as "Ignored `colr: red` at 12:5, unknown property.").
    struct Rendered {
        var pdf: [UInt8]
        var warnings: [String]
        /// The printed number of the page each section (by its id) begins on, when the
        /// engine tells it (the worker's engines do; an external command does not).
        var pages: [String: Int] = [:]
    }

    let command: String
    let timeout: Int
    let standard: PDFStandard
    /// The report, where failures are reported.
    let file: String

    public init(command: String, timeout: Int, standard: PDFStandard, file: String) {
        self.command = command
        self.timeout = timeout
        self.standard = standard
        self.file = file
    }

    /// Whether the PDF is rendered by the worker rather than a command of the user's.
    var usesWorker: Bool { command == PDFEngine.defaultCommand }
    /// Whether the PDF is typeset by Typst (from the report's print XHTML and the house
    /// template), not by WeasyPrint from the XHTML and print.css.
    public var usesTypst: Bool { command == PDFEngine.typstCommand }

    /// Renders `xhtml` (relative URLs resolved against `baseDirectory`) to PDF bytes, to the
    /// `standard` (a tagged PDF, PDF/UA-1, by default) where the engine supports it. Imprint's
    /// worker reads files inside `baseDirectory` and `assetFolders` only.
    ///
    /// `SOURCE_DATE_EPOCH` is passed on (the engine's font subsetter stamps fonts with it),
    /// so that the same input gives the same bytes.
    /// Imprint's worker takes `images` (where each is on disk, and its bytes as the reader
    /// checked them) from Imprint rather than from the disk; an engine of the user's reads
    /// the files itself.
    func render(
        xhtml: [UInt8], images: [(path: String, bytes: [UInt8])], baseDirectory: String, assetFolders: [String], sourceDateEpoch: Int,
        pages: Bool = false
    ) -> Result<Rendered, DiagnosticError> {
        guard usesWorker else { return renderWithCommand(xhtml: xhtml, baseDirectory: baseDirectory, sourceDateEpoch: sourceDateEpoch) }
        do throws(PDFWorker.Failure) {
            return .success(
                try PDFWorkerPool.withWorker(.weasyPrint) { worker throws(PDFWorker.Failure) in
                    try worker.render(
                        xhtml: xhtml, images: images, folders: [baseDirectory] + assetFolders, sourceDateEpoch: sourceDateEpoch, variant: standard.rawValue,
                        timeout: Double(timeout), pages: pages)
                })
        } catch {
            return .failure(failure(error))
        }
    }

    /// Typesets `project` with Typst, in a worker whose compile root holds only its files.
    func typeset(_ project: TypstProject, sourceDateEpoch: Int, pages: Bool = false) -> Result<Rendered, DiagnosticError> {
        guard let variant = standard.typstName else {
            let known = PDFStandard.allCases.filter { $0.typstName != nil }.map(\.rawValue).joined(separator: ", ")
            return .failure(DiagnosticError(
                error: .optionInvalid, "pdf: Typst cannot make \(standard.rawValue); with --pdf-engine typst choose one of \(known), or --pdf-engine weasyprint",
                at: .file(file)))
        }
        do throws(PDFWorker.Failure) {
            return .success(
                try PDFWorkerPool.withWorker(.typst) { worker throws(PDFWorker.Failure) in
                    try worker.typeset(project, sourceDateEpoch: sourceDateEpoch, variant: variant, timeout: Double(timeout), pages: pages)
                })
        } catch {
            return .failure(failure(error))
        }
    }

    private func failure(_ error: PDFWorker.Failure) -> DiagnosticError {
        // Typst's own words when it cannot allocate are an aborting program's backtrace.
        if usesTypst, error.description.contains("memory allocation of") {
            let limit = Environment.value("IMPRINT_PDF_MEMORY_MB").flatMap(Int.init) ?? 4096  // the worker's MEMORY_LIMIT
            return DiagnosticError(
                error: .pdfFailed,
                "pdf: Typst needs more memory for this report than the PDF worker may take (\(limit) MiB; IMPRINT_PDF_MEMORY_MB sets it); build the PDF with --pdf-engine weasyprint, or split the report",
                at: .file(file))
        }
        guard error.cannotStart else { return DiagnosticError(error: .pdfFailed, "pdf: " + error.description, at: .file(file)) }
        // About the machine, not the report: no place.
        return DiagnosticError(error: .pdfEngineMissing, "pdf: " + error.description, at: nil)
    }

    /// The PDF from an engine's command line: XHTML on standard input, PDF on standard output.
    private func renderWithCommand(xhtml: [UInt8], baseDirectory: String, sourceDateEpoch: Int) -> Result<Rendered, DiagnosticError> {
        guard let executable = PDFEngine.locate(command) else {
            return .failure(DiagnosticError(error: .pdfEngineMissing, "the PDF engine '\(command)' was not found; name a command on PATH or its path"))
        }
        var arguments = ["--quiet", "--base-url", baseDirectory + "/", "-", "-"]
        if supportsPDFUA(executable) { arguments.insert(contentsOf: ["--pdf-variant", standard.rawValue], at: 0) }
        let result: ProcessResult
        do {
            result = try ProcessRunner.run(
                executable, arguments: arguments, input: xhtml, environment: ["SOURCE_DATE_EPOCH": String(sourceDateEpoch)])
        } catch {
            return .failure(DiagnosticError(error: .pdfEngineMissing, "cannot run the PDF engine \(executable): \(error)"))
        }
        guard result.status == 0, result.output.starts(with: Array("%PDF".utf8)) else {
            let detail = String(decoding: result.error, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return .failure(DiagnosticError(error: .pdfFailed, "the PDF engine \(command) failed (exit status \(result.status)): \(detail)"))
        }
        return .success(Rendered(pdf: result.output, warnings: []))
    }

    /// Whether the engine's help lists `pdf/ua-1` (WeasyPrint 59 and later).
    private func supportsPDFUA(_ executable: String) -> Bool {
        PDFEngine.ask(executable, "--help").contains("pdf/ua-1")
    }

    /// The engine's version (the worker's answer, or what a command says to `--version`);
    /// the build stamp records it, so upgrading the engine rebuilds the PDFs. Empty when it
    /// cannot be run.
    public static func version(of command: String) -> String {
        if command == defaultCommand { return PDFWorkerPool.version(of: .weasyPrint) }
        if command == typstCommand { return PDFWorkerPool.version(of: .typst) }
        return locate(command).map { ask($0, "--version") } ?? ""
    }

    /// What each engine answered to each question, so that a folder of reports asks once,
    /// not once a PDF.
    private static let answers = Locked<[String: String]>([:])

    /// The engine's standard output for `argument`, asked once a run; empty when it cannot
    /// be run.
    private static func ask(_ executable: String, _ argument: String) -> String {
        let key = executable + "\u{0}" + argument
        if let known = answers.withLock({ $0[key] }) { return known }
        let result = try? ProcessRunner.run(executable, arguments: [argument], input: [])
        let answer = result.map { String(decoding: $0.output, as: UTF8.self) } ?? ""
        answers.withLock { $0[key] = answer }
        return answer
    }

    /// A path as given, or the first match on `PATH`.
    static func locate(_ command: String) -> String? {
        if command.contains("/") { return FileManager.default.isExecutableFile(atPath: command) ? command : nil }
        let path = Environment.value("PATH") ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(command)" }.first(where: FileManager.default.isExecutableFile(atPath:))
    }
}
