import ReportModel

/// What a reader returns: the report, and the warnings met on the way.
public struct ReadResult: Sendable {
    public var report: Report
    public var warnings: [Diagnostic]
}

/// Reads Report Markdown (docs/report-markdown.md): YAML front matter, then CommonMark with the GFM
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
        try read(bytes, file: file, reportPath: reportPath, chunkSize: ChunkedParser.defaultChunkSize)
    }

    /// Reads report text, parsing a large one in pieces of about `chunkSize` bytes (tests
    /// and the fuzzer make the pieces small to compare them with a parse of the whole).
    @_spi(Fuzzing) public static func read(_ bytes: [UInt8], file: String, reportPath: String?, chunkSize: Int) throws(DiagnosticError) -> ReadResult {
        let log = DiagnosticLog()
        guard bytes.count <= maximumSize else {
            log.error(
                "the report is \(bytes.count >> 20) MiB; Imprint reads reports up to \(maximumSize >> 20) MiB",
                at: SourceLocation(file: file, line: 1, column: 1))
            throw log.failure()
        }
        let source = try SourceText(file: file, data: bytes, log: log)
        let frontMatter = try FrontMatter.find(in: source, log: log)
        let context = BodyContext(source: source, frontMatter: frontMatter, files: FileReferences(reportPath: reportPath))
        let (found, body) = try readBody(BodyText(of: source, after: frontMatter), chunkSize: chunkSize, context, log: log)
        guard var metadata = found else { throw log.failure() }
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

    /// What reading the body needs besides its text.
    struct BodyContext {
        let source: SourceText
        let frontMatter: FrontMatter?
        let files: FileReferences

        /// The metadata, from the front matter and the `#` heading's title; nil (with
        /// errors logged) when they do not make one.
        func metadata(headingTitle: String?, log: DiagnosticLog) -> Metadata? {
            MetadataReader(source: source, frontMatter: frontMatter, log: log, files: files).read(headingTitle: headingTitle)
        }

        func builder(for metadata: Metadata, log: DiagnosticLog) -> BodyBuilder {
            BodyBuilder(source: source, log: log, files: files, yardstick: metadata.yardstick)
        }
    }

    /// The metadata (nil when it has errors) and the body: read from the text's pieces as
    /// they are parsed when it is large (see `ChunkedParser`), else from the whole.
    private static func readBody(
        _ text: BodyText, chunkSize: Int, _ context: BodyContext, log: DiagnosticLog
    ) throws(DiagnosticError) -> (Metadata?, BodyBuilder.Body) {
        do {
            if let pieces = ChunkedParser.pieces(of: text, chunkSize: chunkSize) {
                // What the pieces' reading finds is kept apart, for it is thrown away when
                // a piece did not parse as expected and the text is read whole after all.
                let pieceLog = DiagnosticLog()
                if let read = try readBody(text, pieces: pieces, context, log: pieceLog) {
                    log.append(pieceLog)
                    return read
                }
            }
            let document = try MarkdownParser.parse(text.text, lineOffset: text.firstLine - 1)
            guard let metadata = context.metadata(headingTitle: BodyBuilder.headingTitle(of: document.children), log: log)
            else { return (nil, BodyBuilder.Body()) }
            return (metadata, context.builder(for: metadata, log: log).build(document))
        } catch {
            log.error(
                "the text is nested more than \(MarkdownParser.maximumDepth) levels deep (lists, quotes, emphasis); Imprint stops here",
                at: context.source.location(line: error.line, byteColumn: max(error.column, 1)))
            throw log.failure()
        }
    }

    /// The metadata and body from the pieces, each converted while the next is parsed;
    /// nil when a piece did not parse as expected.
    ///
    /// The metadata may take its title from the `#` heading, and the builder needs the
    /// metadata: when the front matter gives no title, pieces wait until the heading is
    /// found (mostly in the first piece). When it gives one, the heading changes nothing
    /// and the builder starts at once, rather than keeping every piece's tree until the
    /// last when the report has no `#` heading.
    private static func readBody(
        _ text: BodyText, pieces: [ChunkedParser.Piece], _ context: BodyContext, log: DiagnosticLog
    ) throws(MarkdownParser.TooDeep) -> (Metadata?, BodyBuilder.Body)? {
        let stream = PieceStream(text: text.bytes, pieces: pieces)
        defer { stream.cancel() }
        let disposal = Disposal()
        defer { disposal.close() }
        /// Converts blocks in a copy, so that they stay in `blocks` until the disposal
        /// thread lets go of them, off this thread.
        func add(_ blocks: consuming [MarkdownNode]) {
            var converting = copy blocks
            builder!.add(&converting)
            disposal.letGo(blocks)
        }
        var merge = ChunkedParser.Merge(body: text)
        var waiting: [[MarkdownNode]] = []
        var builder: BodyBuilder?
        var metadata: Metadata?
        func start(headingTitle: String?) -> Bool {
            metadata = context.metadata(headingTitle: headingTitle, log: log)
            builder = metadata.map { context.builder(for: $0, log: log) }
            return builder != nil
        }
        // With a title in the front matter the metadata is the same whatever the heading;
        // without one (or with errors) it is read again, with the heading, and only that
        // reading's diagnostics are kept.
        let probe = DiagnosticLog()
        if let early = context.metadata(headingTitle: nil, log: probe) {
            log.append(probe)
            metadata = early
            builder = context.builder(for: early, log: log)
        }
        for (index, piece) in pieces.enumerated() {
            guard let parsed = stream.next(), var content = merge.add(try parsed.get(), of: piece) else { return nil }
            if builder == nil {
                waiting.append(content)
                let title = BodyBuilder.headingTitle(of: content)
                guard title != nil || index == pieces.count - 1 else { continue }
                guard start(headingTitle: title) else { return (nil, BodyBuilder.Body()) }
                content = []
            }
            // The labels numbered in this piece (and those waiting), before its references.
            for number in (builder!.footnoteLabels.count + 1)..<(merge.numbered.count + 1) {
                builder!.footnoteLabels[number] = merge.numbered[number - 1]
            }
            for blocks in waiting { add(blocks) }
            waiting = []
            add(content)
        }
        guard let definitions = merge.definitionsReferredTo(), let builder, let metadata else { return nil }
        return (metadata, builder.finish(definitions: definitions))
    }
}
