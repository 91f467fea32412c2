extension PieceParser {
    /// What one pass over the text finds: where it may be cut, and its footnote labels.
    struct Scan {
        let lineStarts: LineStarts
        let length: Int
        /// Where the body starts: byte offset and line.
        let start: Int
        let firstLine: Int
        /// Where a piece may start: lines after a blank line that open a heading or a
        /// paragraph at the margin (`isCutLine`), and the next item of a list
        /// (`listMarker`), as (byte offset, line, whether a list goes on there).
        private var cuts: [Cut] = []
        /// Every footnote definition's label (and some text that only looks like one).
        private var definitions: [(offset: Int, label: String)] = []
        /// The normalised text of everything written like a footnote reference.
        private var references: [(offset: Int, text: String)] = []
        /// Each label by its lower-case spelling, as cmark-gfm matches them.
        private var labelsByKey: [String: String] = [:]

        /// Nil when the text must be parsed whole: it may hold a link reference definition,
        /// a bare CR (a line break to cmark, not to our line count), a label that is not
        /// printable ASCII, or a label defined twice (in any case).
        init?(_ body: BodyText) {
            let bytes = body.bytes
            var lineStart = body.start
            var line = body.firstLine
            var lineIsBlank = true
            var previousLineIsBlank = true
            var labelStart: Int?  // after the last `[^` with only label characters since
            var fence: (byte: UInt8, count: Int)?  // the code fence open at the margin
            // The marker of the last line at the margin when it opened an item of a list
            // (`listMarker`), and whether that item's lines hold no `<`, backtick or tilde
            // (an HTML block or fence inside it, which a piece's end would change).
            var marginMarker: UInt8?
            var plainItem = false
            var index = body.start
            while index < bytes.count {
                let byte = bytes[index]
                // Most bytes only make their line not blank: the rest of the loop was a
                // tenth of reading a large report, before any parsing could start.
                if Scan.plain[Int(byte)] {
                    if index == lineStart {
                        if fence == nil, previousLineIsBlank, Scan.isCutLine(bytes, at: index) { cuts.append(Cut(offset: index, line: line)) }
                        let marker = Scan.listMarker(bytes, at: index)
                        if let marker, fence == nil, !previousLineIsBlank, marginMarker == marker, plainItem {
                            cuts.append(Cut(offset: index, line: line, continuesList: true))
                        }
                        (marginMarker, plainItem) = (marker, true)
                    }
                    lineIsBlank = false
                    index += 1
                    continue
                }
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                    labelStart = nil
                    index += 1
                    continue
                }
                if index == lineStart, byte == UInt8(ascii: "#"), previousLineIsBlank, fence == nil, Scan.isATXHeading(bytes, at: index) {
                    cuts.append(Cut(offset: index, line: line))
                }
                if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "`") || byte == UInt8(ascii: "~") {
                    plainItem = false
                    if index == lineStart, byte != UInt8(ascii: "<") { fence = Scan.fence(bytes, at: index, open: fence) }
                }
                if index == lineStart, byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r") { marginMarker = nil }
                switch byte {
                case UInt8(ascii: "\n"):
                    lineStart = index + 1
                    line += 1
                    previousLineIsBlank = lineIsBlank
                    lineIsBlank = true
                    labelStart = nil
                case UInt8(ascii: "\r"):
                    guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") else { return nil }
                default:
                    lineIsBlank = false
                }
                if byte == UInt8(ascii: "["), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "^") {
                    if labelStart != nil { return nil }  // `[^a[^b]:`: which label cmark reads is not worth guessing
                    labelStart = index + 2
                    guard let text = Scan.referenceText(bytes, from: index + 2) else { return nil }
                    references.append((index, text))
                    index += 2
                    continue
                }
                if byte == UInt8(ascii: "]"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ":") {
                    guard let start = labelStart, start < index, let label = String(validating: bytes[start..<index], as: UTF8.self),
                        label.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x80 })
                    else { return nil }
                    let key = label.lowercased()
                    // A label defined twice: cmark-gfm numbers the references inside the
                    // definition it drops, which a piece that only sees the other cannot do.
                    if labelsByKey[key] != nil { return nil }
                    labelsByKey[key] = label
                    definitions.append((start - 2, label))
                }
                if byte == UInt8(ascii: "]") || byte == 0 { labelStart = nil }
                index += 1
            }
            lineStarts = body.lineStarts
            length = bytes.count
            start = body.start
            firstLine = body.firstLine
        }

        /// The bytes that matter to the scan only by not being white space: all but line
        /// breaks, spaces, tabs, `#`, `[`, `]`, NUL, and `<`, backtick and tilde.
        private static let plain: [Bool] = (0...255).map { byte in
            !"\n\r \t#[]\0<`~".utf8.contains(UInt8(byte))
        }

        /// A place a piece may start.
        struct Cut {
            var offset: Int
            var line: Int
            /// The line opens the next item of the list the line before it is in: the piece
            /// goes on with that list (`Merge`).
            var continuesList = false
        }

        /// What marks a line at the margin starting at `index` as an item of a list with
        /// words in it: its bullet (`-`, `*`, `+`), or for a numbered item the `.` or `)`
        /// after one to nine digits; then a space, and neither white space nor a character
        /// that could make the line a thematic break (`- - -`). Nil for any other line.
        ///
        /// A cut before such a line, when the line before it is in an item with the same
        /// marker, leaves the list to go on in the next piece: there is no blank line
        /// between them, so whether the list is loose is decided within the pieces, and
        /// every block of that item ends where it would in the whole text (none is an HTML
        /// block or fence, which `plainItem` sees). A numbered item there is the next of
        /// its list whatever its number, in the whole text as in the piece.
        private static func listMarker(_ bytes: [UInt8], at index: Int) -> UInt8? {
            var end = index
            while end < bytes.count, end - index < 10, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) { end += 1 }
            let digits = end - index
            guard digits <= 9, end + 2 < bytes.count, bytes[end + 1] == UInt8(ascii: " ") else { return nil }
            let marker = bytes[end]
            switch (digits, marker) {
            case (0, UInt8(ascii: "-")), (0, UInt8(ascii: "*")), (0, UInt8(ascii: "+")), (1..., UInt8(ascii: ".")), (1..., UInt8(ascii: ")")): break
            default: return nil
            }
            return " \t\n\r-*_+".utf8.contains(bytes[end + 2]) ? nil : marker
        }

        /// Whether a line at the margin after a blank line, starting at `index`, begins a
        /// block that nothing before it can continue: a paragraph or table opening with a
        /// letter, `|` or a non-ASCII character. After a blank line only fences and HTML
        /// blocks reach on to such a line (lists, quotes and notes need it indented, and a
        /// digit may number the next item of a list): a cut inside them is caught and the
        /// text read whole. Not a table's caption (`Table:`), which belongs to the table
        /// before it, nor a line opening with U+FEFF, which cmark-gfm drops at the start of
        /// a text.
        private static func isCutLine(_ bytes: [UInt8], at index: Int) -> Bool {
            switch bytes[index] {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "|"): return true
            case 0x80...: return !bytes[index...].starts(with: [0xEF, 0xBB, 0xBF])
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): return !bytes[index...].starts(with: "Table:".utf8)
            default: return false
            }
        }

        /// The code fence open after a line at the margin that starts at `index` with a
        /// backtick or tilde: opened by three or more, closed by as many or more of the same
        /// with nothing after them. Fences inside lists and quotes are indented and end with
        /// their container, at the first line a cut could start.
        private static func fence(_ bytes: [UInt8], at index: Int, open: (byte: UInt8, count: Int)?) -> (byte: UInt8, count: Int)? {
            let byte = bytes[index]
            var end = index
            while end < bytes.count, bytes[end] == byte { end += 1 }
            let count = end - index
            guard count >= 3 else { return open }
            guard let open else { return (byte, count) }
            let closes = byte == open.byte && count >= open.count
                && bytes[end...].prefix { $0 != UInt8(ascii: "\n") }.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
            return closes ? nil : open
        }

        /// Whether an ATX heading starts at `index`: one to six `#`, then a space, a tab or
        /// the end of the line.
        private static func isATXHeading(_ bytes: [UInt8], at index: Int) -> Bool {
            var end = index
            while end < bytes.count, bytes[end] == UInt8(ascii: "#"), end - index < 7 { end += 1 }
            guard (1...6).contains(end - index) else { return false }
            return end == bytes.count || [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(bytes[end])
        }

        /// The text of a footnote reference from `start` to its `]`, as cmark-gfm compares
        /// labels: lower case, white space trimmed. Empty when it can match no definition's
        /// label (which has no white space and no `[`): it holds white space or a bracket,
        /// or has no `]`. Nil when the piece cannot tell: it is not ASCII (Unicode case
        /// folding could make it match an ASCII label), or runs on for 1,000 bytes.
        ///
        /// It stops at the first white space inside or bracket, so the scan of all `[^` in
        /// a text stays linear, whatever the text.
        private static func referenceText(_ bytes: [UInt8], from start: Int) -> String? {
            var text: [UInt8] = []
            var spaceAfterText = false
            var index = start
            while index < bytes.count, index - start < 1000 {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "]"): return String(decoding: text, as: UTF8.self)
                case UInt8(ascii: "["): return ""
                case 0x80...: return nil
                case 0x20, 0x09...0x0D: spaceAfterText = !text.isEmpty
                default:
                    if spaceAfterText { return "" }
                    text.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
                }
                index += 1
            }
            return index == bytes.count ? "" : nil
        }

        /// The text cut into about `count` pieces at the cuts nearest after equal shares,
        /// each with the labels it uses or defines.
        func pieces(count: Int) -> [Piece] {
            var bounds: [Cut] = [Cut(offset: start, line: firstLine)]
            var cut = 0
            for share in 1..<max(1, count) {
                let target = start + share * (length - start) / count
                while cut < cuts.count, cuts[cut].offset < target || cuts[cut].offset <= bounds[bounds.count - 1].offset {
                    cut += 1
                }
                guard cut < cuts.count else { break }
                bounds.append(cuts[cut])
            }
            // Lines of the whole text; a final line feed starts no line.
            let lines = lineStarts.count - (lineStarts.last == length ? 1 : 0)
            var pieces: [Piece] = []
            var reference = 0
            var definition = 0
            for (index, bound) in bounds.enumerated() {
                let next = index + 1 < bounds.count ? bounds[index + 1] : Cut(offset: length, line: lines + 1)
                var labels: [String] = []
                var seen: Set<String> = []
                while reference < references.count, references[reference].offset < next.offset {
                    if let label = labelsByKey[references[reference].text], seen.insert(label).inserted { labels.append(label) }
                    reference += 1
                }
                while definition < definitions.count, definitions[definition].offset < next.offset {
                    if seen.insert(definitions[definition].label).inserted { labels.append(definitions[definition].label) }
                    definition += 1
                }
                pieces.append(
                    Piece(
                        range: bound.offset..<next.offset, firstLine: bound.line, lineCount: next.line - bound.line, labels: labels,
                        continuesList: bound.continuesList, listGoesOn: next.continuesList))
            }
            return pieces
        }
    }
}
