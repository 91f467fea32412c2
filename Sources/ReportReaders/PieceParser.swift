/// Cuts a large report into pieces that cmark-gfm parses on threads of their own, while the
/// reader converts the pieces parsed so far; together they make the tree a parse of the whole
/// text gives.
///
/// Why: on a report of megabytes, parsing is half of reading, and its C tree is many times
/// the text's size. In pieces, parsing runs beside converting, and only a few pieces' trees
/// exist at once.
///
/// A piece ends where a parse of the whole would have closed every block: before an ATX
/// heading, or a paragraph opening with a letter, at the margin after a blank line and
/// outside a code fence (`Scan.isCutLine`); or every block but a list, before its next
/// item (`Scan.listMarker`), so that a list of 200,000 items is not one parse. What
/// reaches across pieces is handled so that nothing changes:
/// - Link reference definitions hold for the whole document: a text that may have one
///   (any `]:` that does not end a footnote label) is parsed whole.
/// - Footnotes: a piece is parsed with a stub definition for each footnote label it uses
///   or defines, and a paragraph referring to all of them, so that its references resolve
///   and none of its definitions is dropped as unused. Stubs and paragraph are then taken
///   out, references numbered in the order of the whole text, and the definitions used put
///   at the end in that order, as cmark-gfm does (`Merge`).
/// - A list cut before an item: the list ending one piece and the list opening the next are
///   one list, loose when either is (`Merge`).
/// - A piece whose end leaves a block open (an unclosed fence or HTML block) swallows the
///   paragraph added after it. That, and anything else not exactly as expected, makes the
///   text be parsed whole.
///
/// Blocks that the end of the whole text closes (a list, quote or footnote at the very
/// end) end a line later in the last piece, where the added paragraph closes them; nothing
/// reads where a container ends.
enum PieceParser {
    /// Texts shorter than two pieces are parsed whole. Small pieces keep few trees in
    /// memory (a piece's trees are many times its text); much smaller ones begin to cost
    /// time (docs/performance.md).
    static let defaultPieceSize = 32 << 10

    /// The pieces of about `pieceSize` bytes that `body` is cut into; nil when it is too
    /// small to cut or cannot be cut.
    static func pieces(of body: BodyText, pieceSize: Int) -> [Piece]? {
        let length = body.bytes.count - body.start
        guard length / 2 >= pieceSize, let scan = Scan(body) else { return nil }
        let pieces = scan.pieces(count: length / pieceSize)
        return pieces.count > 1 ? pieces : nil
    }

    /// One piece of the text and what is added after it.
    struct Piece {
        var range: Range<Int>
        /// The piece's first line in the whole text, 1-based, and how many lines it has.
        var firstLine: Int
        var lineCount: Int
        /// The footnote labels the piece refers to or defines.
        var labels: [String]
        /// The piece opens with the next item of the list the piece before ended
        /// with; the next piece goes on with the list this one ends with.
        var continuesList = false
        var listGoesOn = false

        /// The line, in the whole text's numbering, of the paragraph added after the piece.
        var sentinelLine: Int { firstLine + lineCount + 1 }

        /// The line of the stub definition of `labels[index]`.
        func stubLine(_ index: Int) -> Int { sentinelLine + 2 + 2 * index }

        /// The piece, a blank line, the paragraph referring to every label, and a stub
        /// definition for each label, each a paragraph of its own.
        func text(of bytes: [UInt8]) -> [UInt8] {
            var text = Array(bytes[range])
            if text.last != UInt8(ascii: "\n") { text.append(UInt8(ascii: "\n")) }
            text += Array("\n\(PieceParser.sentinel)".utf8)
            for label in labels { text += Array(" [^\(label)]".utf8) }
            text += Array("\n\n".utf8)
            for label in labels { text += Array("[^\(label)]: stub\n\n".utf8) }
            return text
        }
    }

    static let sentinel = "imprint-piece-end"
}
