import ReportModel

extension BodyBuilder {
    /// Converts inline nodes, merging adjacent text; `owner` gives the position for
    /// diagnostics when an inline node has none of its own.
    func inlines(_ nodes: [MarkdownNode], at owner: MarkdownNode) -> [Inline] {
        var result: [Inline] = []
        // Adjacent text is gathered here and added as one `.text` (cmark splits text at
        // every bracket and underscore); appending to one buffer keeps this linear.
        var pendingText = ""
        func appendText(_ text: String) { pendingText += text }
        func append(_ inline: Inline) {
            if !pendingText.isEmpty {
                result.append(.text(pendingText))
                pendingText = ""
            }
            result.append(inline)
        }
        for node in nodes {
            let at = node.startLine > 0 ? node : owner
            switch node.kind {
            case .text: appendText(node.literal)
            case .softBreak: appendText(" ")
            case .lineBreak: append(.lineBreak)
            case .code: append(.code(node.literal))
            case .htmlInline:
                let html = removingComments(from: node, at: at)
                guard !html.isEmpty else { continue }
                log.warning("raw HTML '\(html)' is not passed through; it is shown as literal text", at: location(at))
                appendText(html)
            case .emphasis: append(.emphasis(inlines(node.children, at: at)))
            case .strong: append(.strong(inlines(node.children, at: at)))
            case .strikethrough: append(.strikethrough(inlines(node.children, at: at)))
            case .link:
                for inline in link(node, at: at) {
                    if case .text(let text) = inline { appendText(text) } else { append(inline) }
                }
            case .image:
                files.checkImage(node.url, what: "image", at: location(at), log: log)
                append(
                    .image(
                        InlineImage(
                            source: node.url, alt: BodyBuilder.plainText(of: node.children),
                            title: node.title.isEmpty ? nil : node.title)))
            case .footnoteReference:
                let label = Int(node.literal).flatMap { footnoteLabels[$0] } ?? node.literal
                append(.footnoteReference(label))
            default:
                appendText(BodyBuilder.plainText(of: node.children))
            }
        }
        if !pendingText.isEmpty { result.append(.text(pendingText)) }
        return result
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
            log.warning("the link address '\(node.url.visible)' is kept as plain text: \(reason)", at: location(owner))
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
