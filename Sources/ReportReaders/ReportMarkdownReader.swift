import ReportModel

/// What a reader returns: the report, and the warnings met on the way.
public struct ReadResult: Sendable {
    public var report: Report
    public var warnings: [Diagnostic]
}

/// Reads Report Markdown (FORMAT.md): YAML front matter, then CommonMark with the GFM
/// extensions, attribute blocks and report sections.
public enum ReportMarkdownReader {
    /// The largest report read: 64 MiB, far beyond any real report, so that a runaway input
    /// is refused at once rather than exhausting memory.
    public static let maximumSize = 64 << 20

    /// Reads the report file at `path`. Files it refers to are looked up beside it.
    public static func read(fileAt path: String) throws(DiagnosticError) -> ReadResult {
        try read(InputFile.read(path), file: path, reportPath: path)
    }

    /// Reads report text. `file` names it in diagnostics; `reportPath` is where it lives,
    /// for the files it refers to (`nil`: it refers to none).
    public static func read(_ bytes: [UInt8], file: String, reportPath: String?) throws(DiagnosticError) -> ReadResult {
        let log = DiagnosticLog()
        guard bytes.count <= maximumSize else {
            log.error(
                "the report is \(bytes.count >> 20) MiB; Imprint reads reports up to \(maximumSize >> 20) MiB",
                at: SourceLocation(file: file, line: 1, column: 1))
            throw log.failure()
        }
        let source = try SourceText(file: file, data: bytes, log: log)
        let frontMatter = try FrontMatter.find(in: source, log: log)
        let document: MarkdownNode
        do {
            document = try MarkdownParser.parse(body(of: source, after: frontMatter))
        } catch {
            log.error(
                "the text is nested more than \(MarkdownParser.maximumDepth) levels deep (lists, quotes, emphasis); Imprint stops here",
                at: source.location(line: error.line, byteColumn: max(error.column, 1)))
            throw log.failure()
        }
        let files = FileReferences(reportPath: reportPath)
        let metadataReader = MetadataReader(source: source, frontMatter: frontMatter, log: log, files: files)
        let headingTitle = BodyBuilder.headingTitle(of: document)
        guard var metadata = metadataReader.read(headingTitle: headingTitle) else { throw log.failure() }
        let builder = BodyBuilder(source: source, log: log, files: files, yardstick: metadata.yardstick)
        let body = builder.build(document)
        if let heading = body.headingTitle, heading != metadata.title.trimmingWhitespace() {
            log.error(
                "the '#' heading '\(heading)' differs from the title '\(metadata.title)'; it must equal the title or be left out",
                at: body.headingLocation)
        }
        if metadata.identifier.isEmpty { metadata.identifier = DefaultIdentifier.make(for: metadata) }
        guard !log.hasErrors else { throw log.failure() }
        let report = Report(metadata: metadata, lead: body.lead, sections: body.sections, footnotes: body.footnotes)
        return ReadResult(report: report, warnings: log.diagnostics)
    }

    /// The text cmark parses: the front matter's lines left blank, so that cmark's line
    /// numbers are the file's.
    private static func body(of source: SourceText, after frontMatter: FrontMatter?) -> [UInt8] {
        guard let frontMatter else { return source.bytes }
        let start = frontMatter.bodyLine <= source.lineCount ? source.lineStarts[frontMatter.bodyLine - 1] : source.bytes.count
        return [UInt8](repeating: UInt8(ascii: "\n"), count: frontMatter.bodyLine - 1) + source.bytes[start...]
    }
}
