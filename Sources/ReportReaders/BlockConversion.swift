import ReportModel

extension BodyBuilder {
    /// Converts sibling blocks; a paragraph starting `Table:` right after a table is taken
    /// as that table's caption.
    func blocks(of nodes: [MarkdownNode], sectionKind: SectionKind) -> [Block] {
        var result: [Block] = []
        var index = 0
        while index < nodes.count {
            index = convert(nodes, at: index, sectionKind: sectionKind, into: &result)
        }
        return result
    }

    /// Converts `nodes[index]` (and a table's caption after it), appends the result, and
    /// returns the index of the next node to convert. `sectionKind` applies to top-level
    /// lists only: nested blocks are converted as `.standard`.
    func convert(_ nodes: [MarkdownNode], at index: Int, sectionKind: SectionKind, into result: inout [Block]) -> Int {
        let node = nodes[index]
        switch node.kind {
        case .paragraph:
            if let first = node.children.first, first.kind == .text {
                notePandocSyntax(PandocSyntax.atParagraphStart(first.literal), at: node)
            }
            result.append(figure(from: node) ?? .paragraph(inlines(node.children, at: node)))
        case .heading:
            log.warning(.headingInBlock,
                "a heading inside a list, quote or footnote cannot start a section; it is kept as a bold paragraph",
                at: location(node))
            result.append(.paragraph([.strong(inlines(node.children, at: node))]))
        case .blockQuote:
            result.append(.quote(blocks(of: node.children, sectionKind: .standard)))
        case .list:
            result.append(list(node, sectionKind: sectionKind))
        case .codeBlock:
            let language = node.fenceInfo.split(whereSeparator: \.isWhitespace).first.map(String.init)
            result.append(.code(CodeBlock(language: language, text: node.literal)))
        case .htmlBlock:
            let html = removingComments(from: node, at: node)
            guard html.contains(where: { !$0.isWhitespace }) else { break }
            log.warning(.rawHTML, "raw HTML is not passed through; it is shown as literal text", at: location(node))
            result.append(.code(CodeBlock(language: "html", text: html)))
        case .thematicBreak:
            result.append(.thematicBreak)
        case .table:
            let captionNode = nodes.indices.contains(index + 1) ? nodes[index + 1] : nil
            let caption = captionNode.flatMap(tableCaption)
            result.append(.table(table(node, caption: caption)))
            return caption == nil ? index + 1 : index + 2
        default:
            log.warning(.unsupportedMarkdown, "this Markdown construct is not supported; its text is kept as a paragraph", at: location(node))
            result.append(.paragraph([.text(BodyBuilder.plainText(of: node.children))]))
        }
        return index + 1
    }

    // MARK: - Lists

    private func list(_ node: MarkdownNode, sectionKind: SectionKind) -> Block {
        switch sectionKind {
        case .keyJudgments: return .keyJudgments(node.children.map(keyJudgment))
        case .risks: return .risks(node.children.map(risk))
        case .sources: return .sources(node.children.map(source))
        case .standard, .summary, .appendix:
            let items = node.children.map { item -> ListItem in
                let (blocks, attributes) = itemContent(item)
                var listItem = ListItem(task: item.taskChecked, blocks: blocks)
                if let attributes {
                    listItem.id = attributes.id
                    listItem.classes = attributes.classes
                    listItem.attributes = attributes.attributes
                }
                return listItem
            }
            return .list(ListBlock(ordered: node.ordered, start: node.listStart, tight: node.tight, items: items))
        }
    }

    /// An item's blocks, with the attribute block that may end its first paragraph taken off
    /// (and its id claimed).
    func itemContent(_ item: MarkdownNode) -> ([Block], AttributeBlock?) {
        var children = item.children
        var attributes: AttributeBlock?
        if let first = children.first, first.kind == .paragraph {
            let (inlineNodes, found) = splitTrailingAttributes(of: first)
            warnAboutAttributes(of: first, found: found)
            if let found {
                attributes = found
                children[0] = first.copy()
                children[0].children = inlineNodes
                if let id = found.id { identifiers.claim(id, at: location(item), log: log) }
            }
        }
        return (blocks(of: children, sectionKind: .standard), attributes)
    }

    // MARK: - Tables

    private func tableCaption(_ node: MarkdownNode) -> (caption: [Inline], id: String?)? {
        guard node.kind == .paragraph, let first = node.children.first, first.kind == .text,
            first.literal.hasPrefix("Table:")
        else { return nil }
        var (children, attributes) = splitTrailingAttributes(of: node)
        warnAboutAttributes(of: node, found: attributes)
        children[0] = children[0].copy()
        children[0].literal = String(children[0].literal.dropFirst("Table:".count).drop { $0 == " " })
        if let id = attributes?.id { identifiers.claim(id, at: location(node), log: log) }
        for attribute in attributes?.attributes ?? [] {
            log.warning(.unknownAttribute, "the table attribute '\(attribute.key)' has no meaning and is dropped", at: location(node))
        }
        return (inlines(children, at: node), attributes?.id)
    }

    private func table(_ node: MarkdownNode, caption: (caption: [Inline], id: String?)?) -> Table {
        tableCount += 1
        let alignments = node.alignments.map { code -> ColumnAlignment in
            switch code {
            case UInt8(ascii: "l"): .left
            case UInt8(ascii: "c"): .center
            case UInt8(ascii: "r"): .right
            default: .none
            }
        }
        let rows = node.children.map { row in
            warnOfDroppedCells(row, columns: alignments.count)
            return TableRow(cells: row.children.map { inlines($0.children, at: $0) })
        }
        let headerIndex = node.children.firstIndex { $0.isHeaderRow }
        let header = headerIndex.map { rows[$0] } ?? TableRow(cells: [])
        let body = rows.enumerated().filter { $0.offset != headerIndex }.map(\.element)
        return Table(
            id: caption?.id, number: tableCount, caption: caption?.caption, alignments: alignments, header: header,
            rows: body)
    }

    /// GFM drops the cells of a row beyond the header's columns; the author is told, at
    /// the row, rather than losing them silently. The row's cells are counted in its source
    /// line: its unescaped pipes, less a leading and a trailing one.
    private func warnOfDroppedCells(_ row: MarkdownNode, columns: Int) {
        var line = source.line(row.startLine)[...]
        while let first = line.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") { line = line.dropFirst() }
        while let last = line.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") || last == UInt8(ascii: "\r") {
            line = line.dropLast()
        }
        var pipes = 0
        var escaped = false
        for byte in line {
            if byte == UInt8(ascii: "|") && !escaped { pipes += 1 }
            escaped = byte == UInt8(ascii: "\\") && !escaped
        }
        if line.first == UInt8(ascii: "|") { pipes -= 1 }
        if line.last == UInt8(ascii: "|"), line.count > 1, line[line.index(before: line.endIndex) - 1] != UInt8(ascii: "\\") { pipes -= 1 }
        let cells = pipes + 1
        guard cells > columns else { return }
        let lost = cells - columns == 1 ? "the last cell is" : "the last \(cells - columns) cells are"
        log.warning(.tableCellsLost,
            "this table row has \(cells) cells but the table has \(columns) columns: \(lost) left out of every edition; "
                + "add columns to the header row, or escape a pipe that is text as \\|",
            at: location(row))
    }

    // MARK: - Figures

    /// A figure when the paragraph holds one image and nothing else but its attributes.
    private func figure(from node: MarkdownNode) -> Block? {
        let (children, attributes) = splitTrailingAttributes(of: node)
        guard children.count == 1, let image = children.first, image.kind == .image else {
            // An image standing alone but for braces that are not an attribute block.
            if children.count == 2, children[0].kind == .image, children[1].kind == .text, children[1].literal.hasPrefix("{") {
                warnAboutAttributes(of: node, found: nil)
            }
            return nil
        }
        warnAboutAttributes(of: node, found: attributes)
        figureCount += 1
        let at = location(node)
        let source = files.checkImage(image.url, what: "image", at: at, log: log) ?? image.url
        let caption = inlines(image.children, at: image)
        var figure = Figure(
            id: attributes?.id, number: figureCount, source: source, caption: caption,
            alt: caption.plainText)
        if let id = attributes?.id { identifiers.claim(id, at: at, log: log) }
        for attribute in attributes?.attributes ?? [] {
            switch attribute.key {
            case "alt": figure.alt = attribute.value
            case "credit": figure.credit = attribute.value
            case "license": figure.license = attribute.value
            case "license-url": figure.licenseURL = log.activeAddress(attribute.value, what: "license-url", at: at)
            case "source-url": figure.sourceURL = log.activeAddress(attribute.value, what: "source-url", at: at)
            case "width":
                if CSSLength.isValid(attribute.value) {
                    figure.width = attribute.value
                } else {
                    log.error(.widthInvalid,
                        "the figure's width '\(attribute.value.visible)' must be a CSS length or percentage, such as 80% or 12cm",
                        at: at)
                }
            default:
                let known = ["alt", "credit", "license", "license-url", "source-url", "width"]
                log.warning(.unknownAttribute,
                    "the figure attribute '\(attribute.key)' has no meaning and is printed in no edition\(NearName.hint(for: attribute.key, among: known)); known: \(known.joined(separator: ", "))",
                    at: at)
                figure.attributes.append(attribute)
            }
        }
        if figure.alt.isEmpty {
            log.warning(.figureWithoutText, "the figure has neither a caption nor alt text; readers who cannot see it get nothing", at: at)
        }
        return .figure(figure)
    }

    // MARK: - Trailing attributes

    /// Splits an attribute block off the end of a heading or paragraph (docs/report-markdown.md §2).
    ///
    /// The block is found in the raw source line, so that what cmark made of its text
    /// (autolinked URLs in a `credit`, say) does not matter; then the inline nodes from the
    /// `{` on are cut off.
    func splitTrailingAttributes(of node: MarkdownNode) -> ([MarkdownNode], AttributeBlock?) {
        let line = attributeLine(of: node)
        // Most lines hold no brace at all: that is quick to see in the bytes.
        guard source.line(line).contains(UInt8(ascii: "}")) else { return (node.children, nil) }
        guard let (attributes, offset) = AttributeBlock.trailing(in: source.lineText(line)) else {
            return (node.children, nil)
        }
        let column = offset + 1
        guard
            let index = node.children.firstIndex(where: {
                $0.kind == .text && $0.startLine == line && $0.startColumn <= column && column <= $0.endColumn
            })
        else { return (node.children, nil) }
        var children = Array(node.children[..<index])
        let text = node.children[index].copy()
        let rawPrefix = Array(source.line(line).dropFirst(text.startColumn - 1).prefix(column - text.startColumn))
        let literal = Array(text.literal.utf8)
        if literal.starts(with: rawPrefix) {
            text.literal = String(decoding: literal.prefix(rawPrefix.count), as: UTF8.self)
        } else if let brace = text.literal.lastIndex(of: "{") {
            text.literal = String(text.literal[..<brace])
        }
        text.literal = String(text.literal.trimmingTrailingWhitespace())
        if !text.literal.isEmpty { children.append(text) }
        while let last = children.last, last.kind == .softBreak || last.kind == .lineBreak {
            children.removeLast()
            if let previous = children.last, previous.kind == .text {
                children[children.count - 1] = previous.copy()
                children[children.count - 1].literal = String(previous.literal.trimmingTrailingWhitespace())
            }
        }
        return (children, attributes)
    }

    /// The line whose end may hold the node's attribute block.
    private func attributeLine(of node: MarkdownNode) -> Int {
        node.kind == .heading && node.startLine != node.endLine ? node.endLine - 1 : node.endLine  // setext underline
    }

    /// Warns, where an attribute block may stand, of one whose key is given twice, and of
    /// braces ending the line that open like a block (`{#`, `{.`) but are not one: both
    /// would otherwise change or stay in the text without a word.
    func warnAboutAttributes(of node: MarkdownNode, found: AttributeBlock?) {
        if let found {
            for key in found.keysGivenTwice {
                log.warning(.attributeBlockInvalid, "the attribute '\(key)' is given twice in one block; the last value is used", at: location(node))
            }
            return
        }
        let line = attributeLine(of: node)
        guard source.line(line).contains(UInt8(ascii: "}")), let lookalike = AttributeBlock.lookalike(endingLine: source.lineText(line)) else { return }
        log.warning(.attributeBlockInvalid,
            "'\(lookalike)' ends the line like an attribute block but is not one (one id, classes and key=value pairs apart by spaces); it is kept as text",
            at: location(node))
    }
}
