import ReportModel

/// What a reader returns: the report, and the warnings met on the way.
public struct ReadResult: Sendable {
    public var report: Report
    public var warnings: [Diagnostic]
    /// Every image the report uses, by the reference the model keeps: read once, when it
    /// was checked.
    public var images: [String: ImageFile] = [:]
}

/// Reads Report Markdown (docs/report-markdown.md): YAML front matter, then CommonMark with the GFM
/// extensions, attribute blocks and report sections.
public enum ReportMarkdownReader {
    /// The largest report read: 64 MiB, far beyond any real report, so that a runaway input
    /// is refused at once rather than exhausting memory.
    public static let maximumSize = 64 << 20

    /// Reads the report file at `path`. Files it refers to are looked up beside it.
    public static func read(fileAt path: String, settings: MetadataSettings = .none) throws(DiagnosticError) -> ReadResult {
        try read(InputFile.read(path), file: path, reportPath: path, settings: settings)
    }

    /// Reads report text. `file` names it in diagnostics; `reportPath` is where it lives,
    /// for the files it refers to (`nil`: it refers to none). `settings` are the front-matter
    /// values given from outside the report.
    public static func read(
        _ bytes: [UInt8], file: String, reportPath: String?, settings: MetadataSettings = .none
    ) throws(DiagnosticError) -> ReadResult {
        try read(bytes, file: file, reportPath: reportPath, pieceSize: PieceParser.defaultPieceSize, settings: settings)
    }

    /// Reads report text, parsing a large one in pieces of about `pieceSize` bytes (tests
    /// and the fuzzer make the pieces small to compare them with a parse of the whole).
    @_spi(Fuzzing) public static func read(
        _ bytes: [UInt8], file: String, reportPath: String?, pieceSize: Int, settings: MetadataSettings = .none
    ) throws(DiagnosticError) -> ReadResult {
        let log = DiagnosticLog()
        guard bytes.count <= maximumSize else {
            log.error(.fileTooLarge,
                "the report is \(bytes.count >> 20) MiB; Imprint reads reports up to \(maximumSize >> 20) MiB",
                at: SourceLocation(file: file, line: 1, column: 1))
            throw log.failure()
        }
        let source = try SourceText(file: file, data: bytes, log: log)
        let frontMatter = try FrontMatter.find(in: source, log: log)
        TableShape.check(source, log: log)
        InlineShape.check(source, log: log)
        guard !log.hasErrors else { throw log.failure() }
        let context = BodyContext(source: source, frontMatter: frontMatter, files: FileReferences(reportPath: reportPath, assetFolders: settings.assetFolders), settings: settings)
        let (found, body) = try readBody(BodyText(of: source, after: frontMatter), pieceSize: pieceSize, context, log: log)
        guard var metadata = found else { throw log.failure() }
        if let heading = body.headingTitle, heading != metadata.title.trimmingWhitespace() {
            log.error(.titleMismatch,
                "the '#' heading '\(heading)' differs from the title '\(metadata.title)'; it must equal the title or be left out",
                at: body.headingLocation)
        }
        if metadata.identifier.isEmpty { metadata.identifier = DefaultIdentifier.make(for: metadata) }
        guard !log.hasErrors else { throw log.failure() }
        let report = Report(metadata: metadata, lead: body.lead, sections: body.sections, footnotes: body.footnotes)
        return ReadResult(report: report, warnings: log.diagnostics, images: context.files.checkedImages)
    }

    /// What reading the body needs besides its text.
    struct BodyContext {
        let source: SourceText
        let frontMatter: FrontMatter?
        let files: FileReferences
        let settings: MetadataSettings

        /// The metadata, from the front matter and the `#` heading's title; nil (with
        /// errors logged) when they do not make one.
        func metadata(headingTitle: String?, log: DiagnosticLog) -> Metadata? {
            MetadataReader(source: source, frontMatter: frontMatter, log: log, files: files, settings: settings).read(headingTitle: headingTitle)
        }

        func builder(for metadata: Metadata, log: DiagnosticLog) -> BodyBuilder {
            BodyBuilder(source: source, log: log, files: files, yardstick: metadata.yardstick)
        }
    }

    /// The metadata (nil when it has errors) and the body, from the whole text parsed at
    /// once — or, for a large text, from its pieces as they are parsed.
    private static func readBody(
        _ text: BodyText, pieceSize: Int, _ context: BodyContext, log: DiagnosticLog
    ) throws(DiagnosticError) -> (Metadata?, BodyBuilder.Body) {
        do {
            // A large text is read in pieces when that gives what reading it whole gives
            // (ReportMarkdownReader+Pieces.swift); otherwise, and always for a small one:
            if let read = try readInPieces(text, pieceSize: pieceSize, context, log: log) { return read }
            let document = try MarkdownParser.parse(text.text, lineOffset: text.firstLine - 1)
            guard let metadata = context.metadata(headingTitle: BodyBuilder.headingTitle(of: document.children), log: log)
            else { return (nil, BodyBuilder.Body()) }
            return (metadata, context.builder(for: metadata, log: log).build(document))
        } catch {
            log.error(.nestingTooDeep,
                "the text is nested more than \(MarkdownParser.maximumDepth) levels deep (lists, quotes, emphasis); Imprint stops here",
                at: context.source.location(line: error.line, byteColumn: max(error.column, 1)))
            throw log.failure()
        }
    }
}
