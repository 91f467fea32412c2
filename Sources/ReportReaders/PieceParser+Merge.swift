extension PieceParser {
    /// Puts the trees of the pieces together, in order, into what cmark-gfm makes of the
    /// whole text: the pieces' blocks, footnote references numbered in the order they are
    /// first met, and the definitions referred to, in that order, at the end.
    struct Merge {
        let text: [UInt8]
        let lineStarts: LineStarts
        /// The labels referred to so far, in the order of their numbers (from 1).
        private(set) var numbered: [String] = []
        private var numbers: [String: Int] = [:]
        private var definitions: [String: MarkdownNode] = [:]
        private var definedIn: [String: Int] = [:]
        private var pieceCount = 0
        /// The list a piece ended with, held until the next piece's items join it.
        private var openList: MarkdownNode?

        init(body: BodyText) {
            text = body.bytes
            lineStarts = body.lineStarts
        }

        /// The blocks of the next piece, its references numbered as in the whole text, and
        /// a list cut before an item whole (given with the piece where it ends); nil
        /// when the piece was not parsed as expected (its end left a block open, or a list
        /// cut is not one list).
        mutating func add(_ document: MarkdownNode, of piece: Piece) -> [MarkdownNode]? {
            guard var content = numbered(document, of: piece) else { return nil }
            if piece.continuesList {
                guard let list = openList, let first = content.first, first.kind == .list, first.startLine == piece.firstLine,
                    let marker = marker(of: first), marker == self.marker(of: list)
                else { return nil }
                list.children += first.children
                list.tight = list.tight && first.tight
                list.endLine = first.endLine
                list.endColumn = first.endColumn
                content[0] = list
                openList = nil
            }
            if piece.listGoesOn {
                guard content.last?.kind == .list else { return nil }
                openList = content.removeLast()
            }
            return content
        }

        /// The bullet of a list's first item, or the `.` or `)` after its number: two lists
        /// with the same marker, one ending a piece and one opening the next at a cut before
        /// an item, are one list in the whole text (an item indented less than its list's
        /// text may start a list of another bullet in between, which stays apart).
        private func marker(of list: MarkdownNode) -> UInt8? {
            guard let item = list.children.first, item.startLine >= 1, item.startLine <= lineStarts.count else { return nil }
            var index = lineStarts[item.startLine - 1] + max(item.startColumn, 1) - 1
            while index < text.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[index]) { index += 1 }
            guard index < text.count else { return nil }
            return text[index]
        }

        /// The blocks of the next piece, its references numbered as in the whole text.
        private mutating func numbered(_ document: MarkdownNode, of piece: Piece) -> [MarkdownNode]? {
            defer { pieceCount += 1 }
            let children = document.children
            document.children = []
            guard let sentinel = children.firstIndex(where: { $0.startLine == piece.sentinelLine }),
                children[sentinel].kind == .paragraph
            else { return nil }
            let contentEnd = piece.firstLine + piece.lineCount - 1
            let content = Array(children[..<sentinel])
            let appended = children[(sentinel + 1)...]
            guard content.allSatisfy({ $0.kind != .footnoteDefinition && $0.startLine <= contentEnd }),
                appended.allSatisfy({ $0.kind == .footnoteDefinition })
            else { return nil }
            // cmark-gfm numbered the piece's definitions 1, 2, … in the order it met their
            // first references, and appended them in that order.
            var local: [String] = []
            var own: [MarkdownNode] = []
            let stubs = Dictionary(uniqueKeysWithValues: piece.labels.indices.map { (piece.stubLine($0), piece.labels[$0]) })
            for definition in appended {
                if definition.startLine <= contentEnd {
                    guard let label = label(at: definition.startLine) else { return nil }
                    // Defined in two pieces: which one the whole text keeps is cmark-gfm's affair.
                    if let first = definedIn[label], first != pieceCount { return nil }
                    definedIn[label] = pieceCount
                    definitions[label] = definition
                    local.append(label)
                    own.append(definition)
                } else {
                    guard let label = stubs[definition.startLine] else { return nil }
                    local.append(label)
                }
            }
            // The references of the piece's own text, its definitions' included (cmark-gfm
            // counts those where the definitions stood); the paragraph added is left out.
            // A fence or HTML block that reaches past the piece's text (one open in a list
            // item at the cut, closed with the item by the paragraph added, a blank line
            // later) took in the line added before that paragraph.
            var references: [(node: MarkdownNode, label: String)] = []
            var stack = content + own
            while let node = stack.popLast() {
                if node.kind == .codeBlock || node.kind == .htmlBlock, node.endLine > contentEnd { return nil }
                if node.kind == .footnoteReference {
                    guard let number = Int(node.literal), local.indices.contains(number - 1) else { return nil }
                    references.append((node, local[number - 1]))
                }
                stack.append(contentsOf: node.children)
            }
            let used = Set(references.map(\.label))
            for label in local where used.contains(label) && numbers[label] == nil {
                numbered.append(label)
                numbers[label] = numbered.count
            }
            for (node, label) in references { node.literal = String(numbers[label]!) }
            return content
        }

        /// The definitions referred to, in the order of their numbers; nil when a reference
        /// found only a stub (the whole text would have kept it as text).
        func definitionsReferredTo() -> [MarkdownNode]? {
            var ordered: [MarkdownNode] = []
            for label in numbered {
                guard let definition = definitions[label] else { return nil }
                ordered.append(definition)
            }
            return ordered
        }

        /// The label of the footnote definition that starts on `line`: the first `[^…]` there.
        private func label(at line: Int) -> String? {
            guard line >= 1, line <= lineStarts.count else { return nil }
            let end = line < lineStarts.count ? lineStarts[line] : text.count
            let bytes = text[lineStarts[line - 1]..<end]
            guard
                let open = bytes.indices.first(where: {
                    bytes[$0] == UInt8(ascii: "[") && $0 + 1 < end && bytes[$0 + 1] == UInt8(ascii: "^")
                }),
                let close = bytes[(open + 2)...].firstIndex(of: UInt8(ascii: "]"))
            else { return nil }
            return String(decoding: bytes[(open + 2)..<close], as: UTF8.self)
        }
    }
}
