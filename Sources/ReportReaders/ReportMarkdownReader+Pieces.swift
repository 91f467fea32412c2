import ReportModel

// MARK: - Reading a large report in pieces
//
// The one seam between `ReportMarkdownReader` and the reading of large reports in pieces.
// A text of two pieces or more (`PieceParser.defaultPieceSize`) is cut before headings,
// paragraphs at the margin and the items of lists (`PieceParser.Scan`), the pieces
// are parsed on threads of their own (`PieceParser`, `PieceStream`) while this thread
// converts those already parsed, their trees are freed on another thread (`Disposal`),
// and their blocks and footnotes are joined as the whole text's would be
// (`PieceParser.Merge`). Whenever a piece cannot be proven to parse as it would in the
// whole text (an unclosed fence or HTML block at a cut, link reference definitions, and
// the other cases `PieceParser.Scan` lists), nothing of the pieces is kept and the text is
// read whole: the result is always the whole read's, which tests and the fuzzer check.
extension ReportMarkdownReader {
    /// The metadata and body read from the text's pieces, with their diagnostics added to
    /// `log`; nil when the text is small or a piece did not parse as expected, and then
    /// nothing is added.
    static func readInPieces(
        _ text: BodyText, pieceSize: Int, _ context: BodyContext, log: DiagnosticLog
    ) throws(MarkdownParser.TooDeep) -> (Metadata?, BodyBuilder.Body)? {
        guard let pieces = PieceParser.pieces(of: text, pieceSize: pieceSize) else { return nil }
        // Kept apart, for it is thrown away when a piece did not parse as expected.
        let pieceLog = DiagnosticLog()
        guard let read = try readBody(text, pieces: pieces, context, log: pieceLog) else { return nil }
        log.append(pieceLog)
        return read
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
        _ text: BodyText, pieces: [PieceParser.Piece], _ context: BodyContext, log: DiagnosticLog
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
        var merge = PieceParser.Merge(body: text)
        var droppedCharacters: [MarkdownParser.DroppedCharacters] = []
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
            guard let parsed = try stream.next()?.get() else { return nil }
            droppedCharacters += parsed.droppedCharacters
            guard var content = merge.add(parsed, of: piece) else { return nil }
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
        builder.warnOf(droppedCharacters)
        return (metadata, builder.finish(definitions: definitions))
    }
}
