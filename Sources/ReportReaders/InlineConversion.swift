import ReportModel

extension BodyBuilder {
    /// Converts inline nodes, merging adjacent text; `owner` gives the position for
    /// diagnostics when an inline node has none of its own.
    func inlines(_ nodes: [MarkdownNode], at owner: MarkdownNode) -> [Inline] {
        var result: [Inline] = []
        // Adjacent text is gathered here and added as one `.text` (cmark splits text at
        // every bracket and underscore); appending to one buffer keeps this linear.
        var pendingText = ""
        // Where in `pendingText` (in UTF-8 bytes) a `[` the author escaped (`\[^x]`) stands:
        // no footnote reference begins there.
        var escapedBrackets: Set<Int> = []
        func appendText(_ text: String) { pendingText += text }
        func flushText() {
            guard !pendingText.isEmpty else { return }
            for kind in PandocSyntax.inText(pendingText) { notePandocSyntax(kind, at: owner) }
            if pendingText.contains("[^") { warnOfUndefinedFootnotes(in: pendingText, escaped: escapedBrackets, at: owner) }
            result.append(.text(pendingText))
            pendingText = ""
            escapedBrackets = []
        }
        func append(_ inline: Inline) {
            flushText()
            result.append(inline)
        }
        for (position, node) in nodes.enumerated() {
            let at = node.startLine > 0 ? node : owner
            switch node.kind {
            case .text:
                if node.literal.contains("[^") {
                    for offset in escapedBracketOffsets(in: node) { escapedBrackets.insert(pendingText.utf8.count + offset) }
                }
                appendText(node.literal.utf8.contains(UInt8(ascii: "$")) ? keepingMathEscapes(node) : node.literal)
            case .softBreak:
                appendText(" ")
                // A line that starts ": " under a term is a Pandoc definition.
                if position + 1 < nodes.count, nodes[position + 1].kind == .text,
                    PandocSyntax.atParagraphStart(nodes[position + 1].literal) == .definitionList
                {
                    notePandocSyntax(.definitionList, at: nodes[position + 1].startLine > 0 ? nodes[position + 1] : owner)
                }
            case .lineBreak: append(.lineBreak)
            case .code: append(.code(node.literal))
            case .htmlInline:
                let html = removingComments(from: node, at: at)
                guard !html.isEmpty else { continue }
                log.warning(.rawHTML, "raw HTML '\(html)' is not passed through; it is shown as literal text", at: location(at))
                appendText(html)
            case .emphasis: append(.emphasis(inlines(node.children, at: at)))
            case .strong: append(.strong(inlines(node.children, at: at)))
            case .strikethrough: append(.strikethrough(inlines(node.children, at: at)))
            case .link:
                for inline in link(node, at: at) {
                    if case .text(let text) = inline { appendText(text) } else { append(inline) }
                }
            case .image:
                let source = files.checkImage(node.url, what: "image", at: location(at), log: log) ?? node.url
                append(
                    .image(
                        InlineImage(
                            source: source, alt: BodyBuilder.plainText(of: node.children),
                            title: node.title.isEmpty ? nil : node.title)))
            case .footnoteReference:
                let label = Int(node.literal).flatMap { footnoteLabels[$0] } ?? node.literal
                append(.footnoteReference(label))
            default:
                appendText(BodyBuilder.plainText(of: node.children))
            }
        }
        flushText()
        return result
    }

    /// The node's text with the backslashes of what looks like TeX math as written: cmark
    /// reads `$$x\,dx$$` as `$$x,dx$$`, and a reader who pastes it on must get it back. Each
    /// math span of the source line (`PandocSyntax.mathSpans`) that cmark changed only by
    /// its escapes is put back as written.
    private func keepingMathEscapes(_ node: MarkdownNode) -> String {
        guard node.startLine > 0, node.startLine == node.endLine, node.startColumn > 0 else { return node.literal }
        let line = source.line(node.startLine)
        let start = line.startIndex + node.startColumn - 1
        let end = min(line.endIndex, line.startIndex + node.endColumn)
        guard start < end else { return node.literal }
        let raw = Array(line[start..<end])
        guard raw.contains(UInt8(ascii: "\\")) else { return node.literal }
        var literal = node.literal
        var searchFrom = literal.startIndex
        for span in PandocSyntax.mathSpans(in: raw) {
            let written = raw[span]
            guard written.contains(UInt8(ascii: "\\")) else { continue }
            var read: [UInt8] = []
            var index = written.startIndex
            while index < written.endIndex {
                if written[index] == UInt8(ascii: "\\"), index + 1 < written.endIndex, written[index + 1].isASCIIPunctuation {
                    index += 1
                }
                read.append(written[index])
                index += 1
            }
            guard let found = literal[searchFrom...].range(of: String(decoding: read, as: UTF8.self)) else { continue }
            let original = String(decoding: written, as: UTF8.self)
            let offset = literal.distance(from: literal.startIndex, to: found.lowerBound) + original.count
            literal.replaceSubrange(found, with: original)
            searchFrom = literal.index(literal.startIndex, offsetBy: offset)
        }
        return literal
    }

    /// Where in the text node's literal (in UTF-8 bytes) each `[` stands that its source
    /// wrote escaped (`\[`): the source span read escape by escape beside the literal. A
    /// node over several lines, or whose source does not read back to its literal
    /// (entities), gives none.
    private func escapedBracketOffsets(in node: MarkdownNode) -> [Int] {
        guard node.startLine > 0, node.startLine == node.endLine, node.startColumn > 0 else { return [] }
        let line = source.line(node.startLine)
        let start = line.startIndex + node.startColumn - 1
        let end = min(line.endIndex, line.startIndex + node.endColumn)
        guard start < end else { return [] }
        let raw = line[start..<end]
        var read: [UInt8] = []
        var offsets: [Int] = []
        var index = raw.startIndex
        while index < raw.endIndex {
            if raw[index] == UInt8(ascii: "\\"), index + 1 < raw.endIndex, raw[index + 1].isASCIIPunctuation {
                if raw[index + 1] == UInt8(ascii: "[") { offsets.append(read.count) }
                index += 1
            }
            read.append(raw[index])
            index += 1
        }
        return read == Array(node.literal.utf8) ? offsets : []
    }

    /// A footnote reference with no definition (`[^missing]`) stays in the text as written,
    /// which cmark-gfm leaves it as; the author is told, unless they escaped its bracket
    /// (`escaped`: where such brackets stand, in UTF-8 bytes).
    private func warnOfUndefinedFootnotes(in text: String, escaped: Set<Int>, at node: MarkdownNode) {
        for match in text.matches(of: /\[\^([^\]\s]+)\]/) {
            guard !escaped.contains(text.utf8.distance(from: text.startIndex, to: match.range.lowerBound)) else { continue }
            log.warning(.footnoteMissing,
                "the footnote reference [^\(match.output.1)] has no definition, so it is printed as written",
                at: location(node))
        }
    }

    /// Reports Pandoc syntax the first time its kind is seen.
    func notePandocSyntax(_ kind: PandocSyntax?, at node: MarkdownNode) {
        guard let kind, pandocSyntaxSeen.insert(kind).inserted else { return }
        log.warning(.pandocSyntax, kind.warning, at: location(node))
    }

    /// A link, a cross-reference, or — when `Address` does not allow the address — its text
    /// followed by the address as plain text, with a warning.
    private func link(_ node: MarkdownNode, at owner: MarkdownNode) -> [Inline] {
        let content = inlines(node.children, at: owner)
        switch Address.classify(node.url) {
        case .fragment(let target):
            crossReferences.append((target, location(owner)))
            return [.crossReference(CrossReference(target: target, content: content))]
        case .active(let url):
            return [.link(Link(url: url, title: node.title.isEmpty ? nil : node.title, content: content))]
        case .inactive(let reason):
            log.warning(.addressInactive, "the link address '\(node.url.visible)' is kept as plain text: \(reason)", at: location(owner))
            // An autolink's text is its address: shown once.
            return content.plainText == node.url ? content : content + [.text(" <\(node.url.visible)>")]
        }
    }
}

extension String {
    /// The text with every control character (C0, DEL, C1) shown as a space, for addresses
    /// that are shown rather than followed.
    var visible: String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? " " : $0 }))
    }
}

