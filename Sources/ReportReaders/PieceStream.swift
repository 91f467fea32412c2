import Foundation

/// The pieces of a text (see `PieceParser`), parsed on other threads and handed over in
/// order, at most a few ahead of the one taken last so that parsed trees do not pile up.
///
/// Two threads parse: cmark-gfm's own parse runs one at a time (see `MarkdownParser`), but
/// one piece's tree is copied into Swift while the next is parsed. They are threads of
/// their own, not Dispatch's: the reader waits for them, and in a folder build every
/// thread of Dispatch's pool may be a reader waiting.
final class PieceStream: @unchecked Sendable {
    private let condition = NSCondition()
    private var parsed: [Int: Result<MarkdownNode, MarkdownParser.TooDeep>] = [:]
    private var taken = 0
    private var claimed = 0
    private var cancelled = false
    private let count: Int

    init(text: [UInt8], pieces: [PieceParser.Piece], ahead: Int = 2, threads: Int = 2) {
        count = pieces.count
        for _ in 0..<threads {
            Thread { [self] in
                while let index = claim(ahead: ahead) {
                    let piece = pieces[index]
                    let result = Result { () throws(MarkdownParser.TooDeep) in
                        try MarkdownParser.parse(piece.text(of: text), lineOffset: piece.firstLine - 1)
                    }
                    condition.withLock {
                        parsed[index] = result
                        condition.broadcast()
                    }
                }
            }.start()
        }
    }

    /// The next piece's tree, waiting for it; nil after the last.
    func next() -> Result<MarkdownNode, MarkdownParser.TooDeep>? {
        condition.withLock {
            guard taken < count else { return nil }
            while parsed[taken] == nil { condition.wait() }
            defer {
                taken += 1
                condition.broadcast()
            }
            return parsed.removeValue(forKey: taken)
        }
    }

    /// Stops parsing: the pieces left are not wanted.
    func cancel() {
        condition.withLock {
            cancelled = true
            parsed = [:]
            condition.broadcast()
        }
    }

    /// The next piece to parse, once it is at most `ahead` pieces beyond the one taken
    /// last; nil when all are claimed, or once cancelled.
    private func claim(ahead: Int) -> Int? {
        condition.withLock {
            while !cancelled, claimed < count, claimed - taken >= ahead { condition.wait() }
            guard !cancelled, claimed < count else { return nil }
            claimed += 1
            return claimed - 1
        }
    }
}
